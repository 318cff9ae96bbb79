using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Gathering;

namespace UMeetingReports.Web.Pages.RoomUsage;

/// <summary>
/// /rooms?from&amp;to[&amp;host_id]: how full each room was, the weekday × hour heatmap and meetings per day of the chosen
/// room (or all). The table always lists every room. Gathered in the background like /telephony: 200, 202 with
/// progress, 502 when a month could not be read, 400 for a wrong filter.
/// </summary>
internal sealed class IndexModel(PeriodGatherer gatherer, IRoomDirectory roomDirectory, UpstreamZone zone, IOptions<UMeetingOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PeriodFilter Filter { get; set; } = new();

    public PeriodCriteria Criteria { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public Gathered<RoomUsageReport>? Gathered { get; private set; }

    public DateOnly Today => zone.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        (Criteria, Errors) = Filter.Check(zone.Today, options.Value, Rooms);
        if (Errors.Count > 0)
        {
            return WithStatus(StatusCodes.Status400BadRequest);
        }

        var request = new RoomUsageRequest(Criteria.Period, Criteria.HostId);
        Gathered = await gatherer.GatherAsync(
            GatherKey.For(User, "rooms", request),
            request.Period,
            (services, progress, token) => services.GetRequiredService<IRoomUsageReportService>().GetAsync(request, progress, token),
            cancellationToken);
        return WithStatus(Gathered.StatusCode);
    }

    private PageResult WithStatus(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }
}
