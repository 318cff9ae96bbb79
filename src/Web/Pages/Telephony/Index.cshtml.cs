using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Accounts;
using UMeetingReports.Web.Gathering;

namespace UMeetingReports.Web.Pages.Telephony;

/// <summary>
/// /telephony?from&amp;to&amp;host_id: what the phone legs of a period cost, by type, day, room and number. The whole
/// period is gathered in the background (<see cref="PeriodGatherer"/>): 200 with the figures, 202 with a progress bar
/// while a long period is read, 502 when a month could not be read, 400 for a wrong filter. Numbers are whole for
/// Admin only; for anyone else the report masks them before the page sees them.
/// </summary>
internal sealed class IndexModel(PeriodGatherer gatherer, IRoomDirectory roomDirectory, UpstreamZone zone, IOptions<UMeetingOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PeriodFilter Filter { get; set; } = new();

    public PeriodCriteria Criteria { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public Gathered<TelephonyReport>? Gathered { get; private set; }

    public DateOnly Today => zone.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        (Criteria, Errors) = Filter.Check(zone.Today, options.Value, Rooms);
        if (Errors.Count > 0)
        {
            return WithStatus(StatusCodes.Status400BadRequest);
        }

        var filter = Criteria.ToAnalyticsFilter();
        var reveal = User.IsInRole(Roles.Admin);
        Gathered = await gatherer.GatherAsync(
            GatherKey.For(User, "telephony", (filter, reveal)),
            filter.Period,
            (services, progress, token) => services.GetRequiredService<ITelephonyReportService>().GetAsync(filter, reveal, progress, token),
            cancellationToken);
        return WithStatus(Gathered.StatusCode);
    }

    private PageResult WithStatus(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }
}
