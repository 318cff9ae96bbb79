using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.MeetingDetail;

/// <summary>
/// One meeting drilled into: who was there and for how long, the peak, a timeline and the telephone legs.
/// Times are the upstream's, with its zone's offset (<see cref="ZoneLabel"/> names the zone).
/// </summary>
/// <param name="Meeting">
/// The record as the upstream gave it, participants and telephony included — with phone numbers (and names that
/// are phone numbers) already masked unless <see cref="PhoneNumbersRevealed"/>.
/// </param>
/// <param name="RoomName">The room's display name, or its host id when the room list does not know it.</param>
/// <param name="MeasuredUntil">The meeting's end, or "now" (upstream zone) while it runs: where open sessions stop counting.</param>
/// <param name="People">One line per display name, ordered by first join, then name.</param>
/// <param name="Peak">The most people present at once; null when nobody joined.</param>
/// <param name="DataWarnings">What the upstream got wrong in this meeting's rows and how they were counted; empty when the data is sound.</param>
public sealed record MeetingDetailReport(
    Meeting Meeting,
    string RoomName,
    DatePeriod FoundIn,
    DateTimeOffset MeasuredUntil,
    IReadOnlyList<PersonAttendance> People,
    PeakConcurrency? Peak,
    MeetingTimeline Timeline,
    TelephonySummary Telephony,
    IReadOnlyList<DataFlaw> DataWarnings,
    string ZoneLabel,
    bool PhoneNumbersRevealed)
{
    /// <summary>From start to <see cref="MeasuredUntil"/>: the whole meeting, or the part so far while it runs.</summary>
    public TimeSpan Length => MeasuredUntil - Meeting.Start;

    public int ScheduledMinutes => Meeting.ScheduledMinutes;

    /// <summary>Whole minutes from start to end; null while the meeting runs (see <see cref="ElapsedMinutes"/>).</summary>
    public int? ActualMinutes => Meeting.ActualMinutes;

    /// <summary>Whole minutes so far (rounded down): the actual length once ended, the time since the start while running.</summary>
    public int ElapsedMinutes => (int)Length.TotalMinutes;

    /// <summary>Every join/leave row exactly as the upstream gave it, in its order (names masked as in <see cref="Meeting"/>).</summary>
    public IReadOnlyList<Participant> RawSessions => Meeting.Participants;
}

/// <summary>
/// One display name's presence in a meeting. Rows of one name are one person: <see cref="Sessions"/> counts them
/// (rejoins), and <see cref="ConnectedTime"/> counts overlapping rows once (laptop and phone at the same time).
/// </summary>
/// <param name="LastLeave">The latest leave time; null while any of the person's rows is still connected.</param>
/// <param name="LastSeen">
/// The last instant the person counted as present: <see cref="LastLeave"/>, or the meeting's end / now while connected.
/// </param>
/// <param name="ConnectedTime">The union of the person's rows (open rows until the meeting's end or now).</param>
/// <param name="ShareOfMeeting">
/// The part of the meeting (0 to 1) the person was present for: the union clipped to the meeting's span, divided by
/// its length. Null when the meeting has no length.
/// </param>
/// <param name="NameMasked">True when <paramref name="Name"/> is a phone number masked for a Viewer: no list can find it by that name.</param>
public sealed record PersonAttendance(
    string Name,
    int Sessions,
    DateTimeOffset FirstJoin,
    DateTimeOffset? LastLeave,
    DateTimeOffset LastSeen,
    TimeSpan ConnectedTime,
    double? ShareOfMeeting,
    bool NameMasked = false)
{
    public bool StillConnected => LastLeave is null;
}

/// <summary>
/// The most people present at once and when. <see cref="At"/> is the first instant the peak was reached,
/// <see cref="Until"/> when the count first fell below it again (equal to <see cref="At"/> for a peak of an instant).
/// A person connected twice at once counts once, as in <see cref="PersonAttendance"/>.
/// </summary>
public sealed record PeakConcurrency(int Participants, DateTimeOffset At, DateTimeOffset Until);

/// <summary>
/// The data of a floating-bar chart: one row per person (the order of <see cref="MeetingDetailReport.People"/>), one
/// bar per session, in minutes from the meeting's start. Minutes are rounded to two decimals (under a second):
/// a linear axis in minutes needs no date adapter in the browser.
/// </summary>
public sealed record MeetingTimeline(double LengthMinutes, IReadOnlyList<PersonTimeline> People);

public sealed record PersonTimeline(string Name, IReadOnlyList<TimelineBar> Bars);

/// <summary>One session from <see cref="StartMinute"/> to <see cref="EndMinute"/>; an open session ends at the meeting's end or now.</summary>
public sealed record TimelineBar(double StartMinute, double EndMinute, bool StillConnected);

/// <summary>The telephone legs of the meeting in the upstream's order, with their totals. Cost is in yuan.</summary>
public sealed record TelephonySummary(IReadOnlyList<TelephonyCall> Calls, int TotalMinutes, decimal TotalCost)
{
    public int TotalCalls => Calls.Count;

    public static TelephonySummary Of(IReadOnlyList<TelephonyCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return new TelephonySummary(calls, calls.Sum(call => call.Minutes), calls.Sum(call => call.Cost));
    }
}
