using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.MeetingDetail;

/// <summary>
/// What a look-up of one meeting record gave: exactly one of <see cref="MeetingDetailFound"/>,
/// <see cref="MeetingDetailNotFound"/> or <see cref="MeetingDetailFailed"/> (the hierarchy is closed).
/// </summary>
public abstract record MeetingDetailResult
{
    private protected MeetingDetailResult(string uuid, IReadOnlyList<DatePeriod> periodsSearched)
    {
        Uuid = uuid;
        PeriodsSearched = periodsSearched;
    }

    /// <summary>The record id asked for, exactly as given.</summary>
    public string Uuid { get; }

    /// <summary>The periods asked of the upstream, in the order they were searched (newest first when searching back).</summary>
    public IReadOnlyList<DatePeriod> PeriodsSearched { get; }

    /// <summary>From the first day to the last day searched: the periods searched back are contiguous months, so one span names them.</summary>
    public DatePeriod SearchedSpan => new(PeriodsSearched.Min(period => period.From), PeriodsSearched.Max(period => period.To));
}

/// <summary>The record was found; <see cref="MeetingDetailFound.Report"/> holds everything the meeting page shows.</summary>
public sealed record MeetingDetailFound(MeetingDetailReport Report, IReadOnlyList<DatePeriod> PeriodsSearched)
    : MeetingDetailResult(Report.Meeting.Uuid, PeriodsSearched);

/// <summary>No record with this id in any of <see cref="MeetingDetailResult.PeriodsSearched"/>.</summary>
public sealed record MeetingDetailNotFound(string Uuid, IReadOnlyList<DatePeriod> PeriodsSearched)
    : MeetingDetailResult(Uuid, PeriodsSearched)
{
    /// <summary>e.g. "No meeting record 'abc==' in 2025-06-01..2025-06-15, 2025-05-01..2025-05-31."</summary>
    public string Describe() => $"No meeting record '{Uuid}' in {string.Join(", ", PeriodsSearched)}.";
}

/// <summary>
/// The upstream failed before the record was found; <see cref="MeetingDetailFailed.Failure"/> names the window it
/// failed for. <see cref="MeetingDetailResult.PeriodsSearched"/> includes that window.
/// </summary>
public sealed record MeetingDetailFailed(string Uuid, UpstreamFailure Failure, IReadOnlyList<DatePeriod> PeriodsSearched)
    : MeetingDetailResult(Uuid, PeriodsSearched);
