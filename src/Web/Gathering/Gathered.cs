using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Gathering;

/// <summary>
/// What a page gets from <see cref="PeriodGatherer"/>: the complete value, the failure that names the missing window,
/// or, while the period is still being read, the ticket that its progress bar follows. Exactly one is set.
/// </summary>
internal sealed record Gathered<T>(T? Value, UpstreamFailure? Failure, GatherTicket? Pending)
    where T : class
{
    /// <summary>200 with the figures, 502 when a window failed, 202 while the figures are still being gathered.</summary>
    public int StatusCode => (Value, Failure) switch
    {
        (not null, _) => StatusCodes.Status200OK,
        (_, not null) => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status202Accepted,
    };
}

/// <summary>
/// A gathering still running: its id and period (for the progress poll) and how far it had got when the page was made.
/// </summary>
internal sealed record GatherTicket(string Id, DatePeriod Period, GatherProgress Progress);

/// <summary>
/// The progress poll's answer. <see cref="Done"/>: the page can reload and will find the figures (or the failure);
/// <see cref="Failed"/>: it finished without a complete answer. The pages are null when the answer comes from the
/// archive rather than from the gathering itself (<see cref="FromArchive"/>), which counts months only.
/// </summary>
internal sealed record GatherStatus(int WindowsDone, int WindowsTotal, int? PagesDone, int? PagesTotal, int Meetings, bool Done, bool Failed)
{
    /// <summary>
    /// The progress of a gathering another instance runs (or one that ended here and was dropped), as the archive shows
    /// it: the months in, and done once nothing is left to wait for. The reload then finds the figures, or starts the
    /// missing months' read again and shows why it fails.
    /// </summary>
    public static GatherStatus FromArchive(PeriodReadProgress progress) =>
        new(progress.MonthsHeld, progress.MonthsTotal, null, null, 0, progress.Ended, Failed: false);
}
