using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Gathering;

namespace UMeetingReports.Web.Pages.Shared;

/// <summary>
/// A report page over a period and a room (<c>?from&amp;to&amp;host_id</c>) read from the archive: 200 with the report,
/// 202 with a progress bar while months the archive does not hold yet are read into it (<see cref="PeriodGatherer"/>),
/// 502 when a month could not be read, 400 for a wrong filter. A page says only which report it reads
/// (<see cref="ReadAsync"/>); once the months are there, that is a few queries in the request itself.
/// </summary>
internal abstract class GatheredReportPageModel<TReport>(PeriodGatherer gatherer, IArchivePeriods archive, IRoomDirectory roomDirectory, UpstreamZone zone)
    : GatheredReportPageModel<TReport, ReportFilter>(gatherer, archive, roomDirectory, zone)
    where TReport : class;

/// <summary>The same, for a page whose address holds fields of its own besides the period and room (/rooms: its sort).</summary>
internal abstract class GatheredReportPageModel<TReport, TFilter>(PeriodGatherer gatherer, IArchivePeriods archive, IRoomDirectory roomDirectory, UpstreamZone zone)
    : PageModel
    where TReport : class
    where TFilter : ReportFilter, new()
{
    [BindProperty(SupportsGet = true)]
    public TFilter Filter { get; set; } = new();

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public Gathered<TReport>? Gathered { get; private set; }

    public DateOnly Today => zone.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The room names are read beside the report, not before it, so that a page waits on the service once.
        var rooms = roomDirectory.GetRoomsAsync(cancellationToken);
        Gathered = ModelState.IsValid ? await GatherAsync(cancellationToken) : null;
        Rooms = await rooms;
        return this.WithStatus(Gathered?.StatusCode ?? StatusCodes.Status400BadRequest);
    }

    /// <summary>This page's report of the filters checked, from the archive once the period's months are in it.</summary>
    protected abstract Task<UpstreamResult<TReport>> ReadAsync(TFilter criteria, CancellationToken cancellationToken);

    private async Task<Gathered<TReport>> GatherAsync(CancellationToken cancellationToken)
    {
        var months = await gatherer.MonthsAsync(User, archive, Filter.Period, cancellationToken);
        if (months.Value is null)
        {
            return new Gathered<TReport>(null, months.Failure, months.Pending);
        }

        var report = await ReadAsync(Filter, cancellationToken);
        return report.Succeeded
            ? new Gathered<TReport>(report.Value, null, null)
            : new Gathered<TReport>(null, report.Failure, null);
    }
}
