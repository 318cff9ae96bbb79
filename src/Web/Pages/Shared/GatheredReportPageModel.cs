using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Gathering;

namespace UMeetingReports.Web.Pages.Shared;

/// <summary>
/// A report page over a period and a room (<c>?from&amp;to&amp;host_id</c>) whose figures need the whole period, gathered
/// in the background by <see cref="PeriodGatherer"/>: 200 with the report, 202 with a progress bar while a long
/// period is read, 502 when a month could not be read, 400 for a wrong filter. A page says only which report it
/// gathers (<see cref="GatherAsync"/>).
/// </summary>
internal abstract class GatheredReportPageModel<TReport>(PeriodGatherer gatherer, IRoomDirectory roomDirectory, UpstreamZone zone)
    : PageModel
    where TReport : class
{
    [BindProperty(SupportsGet = true)]
    public ReportFilter Filter { get; set; } = new();

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public Gathered<TReport>? Gathered { get; private set; }

    public DateOnly Today => zone.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The room names are read beside the report, not before it, so that a page waits on the service once.
        var rooms = roomDirectory.GetRoomsAsync(cancellationToken);
        Gathered = ModelState.IsValid ? await GatherAsync(gatherer, Filter, cancellationToken) : null;
        Rooms = await rooms;
        return this.WithStatus(Gathered?.StatusCode ?? StatusCodes.Status400BadRequest);
    }

    /// <summary>Starts (or joins) the gathering of this page's report for the filters checked.</summary>
    protected abstract Task<Gathered<TReport>> GatherAsync(PeriodGatherer gatherer, ReportFilter criteria, CancellationToken cancellationToken);
}
