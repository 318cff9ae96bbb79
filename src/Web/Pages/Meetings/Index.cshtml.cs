using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Pages.Shared;

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
    IOptions<UMeetingOptions> options,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingsFilter Filter { get; set; } = new();

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public MeetingsReport? Report { get; private set; }

    public UpstreamFailure? Failure { get; private set; }

    /// <summary>The whole period's KPIs; null with a record id filter (the KPIs are a period's, not one record's).</summary>
    public Gathered<PeriodKpis>? Kpis { get; private set; }

    public DateOnly Today => zone.Today;

    public IEnumerable<int> PageSizes => FilterCheck.PageSizesUpTo(options.Value.MaxPageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.WithStatus(StatusCodes.Status400BadRequest);
        }

        var kpis = Filter.Uuid is null ? GatherKpisAsync(Filter.ToAnalyticsFilter(), cancellationToken) : null;
        var result = await reports.GetAsync(Filter.ToRequest(), cancellationToken);
        Kpis = kpis is null ? null : await kpis;
        if (!result.Succeeded)
        {
            Failure = result.Failure;
            return this.WithStatus(StatusCodes.Status502BadGateway);
        }

        FilterCheck.PageExists(ModelState, text, MeetingsFilter.PageNumberField, Filter.Page, result.Value.Page.TotalPage, "Page {0} does not exist: the period has no meetings.");
        Report = ModelState.IsValid ? result.Value : null;
        return Report is null ? this.WithStatus(StatusCodes.Status400BadRequest)
            : Kpis?.Failure is not null ? this.WithStatus(StatusCodes.Status502BadGateway)
            : Page();
    }

    private Task<Gathered<PeriodKpis>> GatherKpisAsync(AnalyticsFilter filter, CancellationToken cancellationToken) =>
        gatherer.GatherAsync<IPeriodKpiService, PeriodKpis>(
            GatherKey.For(User, "kpis", filter),
            filter.Period,
            (service, progress, token) => service.GetAsync(filter, progress, token),
            cancellationToken);
}
