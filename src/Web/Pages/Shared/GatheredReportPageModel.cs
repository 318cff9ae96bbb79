using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Gathering;

namespace UMeetingReports.Web.Pages.Shared;

/// <summary>
/// A report page over a period and a room (<c>?from&amp;to&amp;host_id</c>) whose figures need the whole period, gathered
/// in the background by <see cref="PeriodGatherer"/>: 200 with the report, 202 with a progress bar while a long
/// period is read, 502 when a month could not be read, 400 for a wrong filter. A page says only which report it
/// gathers (<see cref="GatherAsync"/>).
/// </summary>
internal abstract class GatheredReportPageModel<TReport>(PeriodGatherer gatherer, IRoomDirectory roomDirectory, UpstreamZone zone, IOptions<UMeetingOptions> options)
    : PageModel
    where TReport : class
{
    [BindProperty(SupportsGet = true)]
    public PeriodFilter Filter { get; set; } = new();

    public PeriodCriteria Criteria { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public Gathered<TReport>? Gathered { get; private set; }

    public DateOnly Today => zone.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        (Criteria, Errors) = Filter.Check(zone.Today, options.Value, Rooms);
        if (Errors.Count > 0)
        {
            return WithStatus(StatusCodes.Status400BadRequest);
        }

        Gathered = await GatherAsync(gatherer, Criteria, cancellationToken);
        return WithStatus(Gathered.StatusCode);
    }

    /// <summary>Starts (or joins) the gathering of this page's report for the filters checked.</summary>
    protected abstract Task<Gathered<TReport>> GatherAsync(PeriodGatherer gatherer, PeriodCriteria criteria, CancellationToken cancellationToken);

    private PageResult WithStatus(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }
}
