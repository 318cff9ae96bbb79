using System.Globalization;

namespace UMeetingReports.Core.Reports.MeetingDetail;

/// <summary>What the meeting service got wrong in one meeting's data; the page words each kind in the reader's language.</summary>
public enum DataFlawKind
{
    /// <summary>The meeting ends before it starts: <see cref="DataFlaw.At"/> is its end, <see cref="DataFlaw.Other"/> its start. It counts as having no length.</summary>
    EndBeforeStart,

    /// <summary>A row of an ended meeting has no leave time: <see cref="DataFlaw.At"/> is the join, <see cref="DataFlaw.Other"/> when it is counted until.</summary>
    NoLeaveTime,

    /// <summary>A row leaves before it joins: <see cref="DataFlaw.At"/> is the join, <see cref="DataFlaw.Other"/> the leave. It counts as an instant at the join.</summary>
    LeftBeforeJoining,
}

/// <summary>
/// One flaw in the meeting service's data and how it was counted, as facts rather than a sentence: the web layer
/// words it. Times are the service's wall-clock times with its offset.
/// </summary>
/// <param name="Name">The person as shown (a phone number masked unless revealed); null for a flaw of the meeting itself.</param>
public sealed record DataFlaw(DataFlawKind Kind, string? Name, DateTimeOffset At, DateTimeOffset Other)
{
    /// <summary>The flaw in English, for logs and tests.</summary>
    public string Describe() => Kind switch
    {
        DataFlawKind.EndBeforeStart => $"The meeting's end ({Time(At)}) is before its start ({Time(Other)}); the meeting is counted as having no length.",
        DataFlawKind.NoLeaveTime => $"'{Name}' joined at {Time(At)} and has no leave time although the meeting has ended; the row is counted until {Time(Other)}.",
        _ => $"'{Name}' joined at {Time(At)} but left at {Time(Other)}, before joining; the row is counted as an instant at {Time(At)}.",
    };

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
