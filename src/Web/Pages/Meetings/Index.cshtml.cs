using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// /meetings: one page of the table, read from the archive, and the KPIs of every meeting the table lists (the whole
/// period and room, or the meetings its search and person narrow them to). When a month of
/// the period has no copy in the archive yet, it is read in the background (<see cref="PeriodGatherer"/>): the page
/// shows progress (202) and reloads when the months are in; when every month is there the table is shown at once.
/// </summary>
internal sealed class IndexModel(
    IMeetingsReportService reports,
    IPeriodKpiService kpiService,
    IArchivePeriods archive,
    PeriodGatherer gatherer,
    KpiComparisons comparisons,
    IRoomDirectory roomDirectory,
    UpstreamZone zone,
    IOptions<UMeetingOptions> options,
    IMemoryCache cache,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingsFilter Filter { get; set; } = new();

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public MeetingsReport? Report { get; private set; }

    /// <summary>The list's last page, when the page asked for lies past it (for a link to it beside the message).</summary>
    public int? LastPage { get; private set; }

    public UpstreamFailure? Failure { get; private set; }

    /// <summary>The period's months being read into the archive; the table follows once they are in.</summary>
    public GatherTicket? MonthsPending { get; private set; }

    /// <summary>The period's months as the archive holds them (their copies key what the page keeps of them); null until they are in.</summary>
    public ArchivedPeriod? HeldMonths { get; private set; }

    /// <summary>The KPIs of the meetings listed, on every page of them; null with a record id filter (the KPIs are a list's, not one record's).</summary>
    public Gathered<PeriodKpis>? Kpis { get; private set; }

    /// <summary>The KPIs against the previous period's, beside counted KPIs.</summary>
    public KpiComparison? Comparison { get; private set; }

    /// <summary>Names what the page shows of its report, which is kept rendered under it; null when it is rendered afresh (<see cref="KeptRendering"/>).</summary>
    public string? KeptAs { get; private set; }

    public DateOnly Today => zone.Today;

    public DateTimeOffset Now => zone.Now;

    public IEnumerable<int> PageSizes => FilterCheck.PageSizesUpTo(options.Value.MaxPageSize, Filter.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await RecordDayAsync(cancellationToken) is { } day)
        {
            // A record id without a period (an address written by hand, or a bookmark of the old uuid box): the list of
            // the day the archive holds it on, with that day in the address, rather than today's list without it.
            return LocalRedirect("~" + FilterLinks.To(Request.Path, Filter with { From = day, To = day }));
        }

        // The room names are read beside the report, not before it, so that a page waits on the service once.
        var rooms = roomDirectory.GetRoomsAsync(cancellationToken);
        var status = await ReadAsync(cancellationToken);
        Rooms = await rooms;
        return status == StatusCodes.Status200OK ? Page() : this.WithStatus(status);
    }

    /// <summary>The day the archive holds the record of a <c>uuid</c> on, when the address gives no period at all.</summary>
    private async Task<DateOnly?> RecordDayAsync(CancellationToken cancellationToken) =>
        ModelState.IsValid && Filter.Uuid is { } uuid
            && !Request.Query.ContainsKey(ReportFilter.FromField) && !Request.Query.ContainsKey(ReportFilter.ToField)
            ? await archive.DayOfRecordAsync(uuid, cancellationToken)
            : null;

    private async Task<int> ReadAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return StatusCodes.Status400BadRequest;
        }

        var months = await gatherer.MonthsAsync(User, archive, Filter.Period, cancellationToken);
        if (months.Value is null)
        {
            (Failure, MonthsPending) = (months.Failure, months.Pending);
            return months.StatusCode;
        }

        HeldMonths = months.Value;

        // The KPIs are counted on connections of their own, beside the table's queries; the page waits for both.
        var kpis = Filter.Uuid is null ? KpisAsync(months.Value, Filter.ToAnalyticsFilter(), cancellationToken) : null;
        UpstreamResult<MeetingsReport> result;
        try
        {
            result = await reports.GetAsync(Filter.ToRequest(CultureInfo.CurrentUICulture), cancellationToken);
        }
        finally
        {
            Kpis = kpis is null ? null : await kpis;
        }

        if (!result.Succeeded)
        {
            Failure = result.Failure;
            return StatusCodes.Status502BadGateway;
        }

        if (!FilterCheck.PageExists(ModelState, text, MeetingsFilter.PageNumberField, Filter.Page, result.Value.TotalPage,
            Filter.SearchText is null && Filter.ParticipantName is null && Filter.Uuid is null ? "Page {0} does not exist: the period has no meetings." : "Page {0} does not exist: no meeting matches.",
            Request.Query[MeetingsFilter.PageNumberField].ToString()))
        {
            LastPage = result.Value.TotalPage;
        }

        Report = ModelState.IsValid ? result.Value : null;
        if (Report is null)
        {
            return StatusCodes.Status400BadRequest;
        }

        if (Kpis?.Failure is not null)
        {
            return StatusCodes.Status502BadGateway;
        }

        Comparison = Kpis?.Value is { } counted ? await comparisons.ForAsync(counted, cancellationToken) : null;
        KeptAs = KeptRendering.KeyOf(Request.QueryString.Value ?? "", months.Value, Report, Kpis, Comparison, Today);
        return StatusCodes.Status200OK;
    }

    private async Task<Gathered<PeriodKpis>> KpisAsync(ArchivedPeriod months, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var kpis = await KpiCache.GetAsync(cache, months, filter, async () =>
            UpstreamResult<PeriodKpis>.Success(await kpiService.CountHeldAsync(filter, cancellationToken)));
        return kpis.Succeeded ? new Gathered<PeriodKpis>(kpis.Value, null, null) : new Gathered<PeriodKpis>(null, kpis.Failure, null);
    }
}
