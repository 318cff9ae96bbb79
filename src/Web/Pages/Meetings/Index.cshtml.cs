using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// /meetings: one page of the table, and the KPIs of the whole filtered period. The KPIs are gathered in the
/// background (<see cref="PeriodGatherer"/>) while the table's page is read, so the table never waits for a long
/// period: the panel shows progress instead and fills in when the page reloads.
/// </summary>
internal sealed class IndexModel(
    IMeetingsReportService reports,
    PeriodGatherer gatherer,
    IRoomDirectory roomDirectory,
    UpstreamZone zone,
    IOptions<UMeetingOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingsFilter Filter { get; set; } = new();

    public MeetingsCriteria Criteria { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public MeetingsReport? Report { get; private set; }

    public UpstreamFailure? Failure { get; private set; }

    /// <summary>The whole period's KPIs; null with a record id filter (the KPIs are a period's, not one record's).</summary>
    public Gathered<PeriodKpis>? Kpis { get; private set; }

    public DateOnly Today => zone.Today;

    public IEnumerable<int> PageSizes => MeetingsFilter.PageSizesUpTo(options.Value.MaxPageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        var check = Filter.Check(zone.Today, options.Value, Rooms);
        (Criteria, Errors) = (check.Criteria, check.Errors);
        if (check.Request is null)
        {
            return WithStatus(StatusCodes.Status400BadRequest);
        }

        var kpis = check.Criteria.Uuid is null ? GatherKpisAsync(check.Criteria, cancellationToken) : null;
        var result = await reports.GetAsync(check.Request, cancellationToken);
        Kpis = kpis is null ? null : await kpis;
        if (!result.Succeeded)
        {
            Failure = result.Failure;
            return WithStatus(StatusCodes.Status502BadGateway);
        }

        Errors = MeetingsFilter.CheckPage(result.Value.Page);
        Report = Errors.Count == 0 ? result.Value : null;
        return Errors.Count > 0 ? WithStatus(StatusCodes.Status400BadRequest)
            : Kpis?.Failure is not null ? WithStatus(StatusCodes.Status502BadGateway)
            : Page();
    }

    private Task<Gathered<PeriodKpis>> GatherKpisAsync(MeetingsCriteria criteria, CancellationToken cancellationToken)
    {
        var filter = new AnalyticsFilter(new DatePeriod(criteria.From, criteria.To), criteria.HostId);
        return gatherer.GatherAsync<IPeriodKpiService, PeriodKpis>(
            GatherKey.For(User, "kpis", filter),
            filter.Period,
            (service, progress, token) => service.GetAsync(filter, progress, token),
            cancellationToken);
    }

    private PageResult WithStatus(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }
}
