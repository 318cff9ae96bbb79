using Microsoft.AspNetCore.Mvc;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Archive;

/// <summary>Which report a month-by-month section belongs to: it decides the measures charted.</summary>
public enum TrendReport
{
    Meetings,
    Participants,
    Telephony,
    Rooms,
}

/// <summary>
/// The month-by-month section of a report (_Trends), for a period of three months or more whose months the archive
/// holds (the report just read them); nothing otherwise. One line on each report page:
/// <c>&lt;vc:trends report="Meetings" filter="criteria.ToAnalyticsFilter()" /&gt;</c>.
/// </summary>
public sealed class TrendsViewComponent(IMonthlySeriesService series, UpstreamZone zone) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(TrendReport report, AnalyticsFilter filter)
    {
        var months = await series.GetAsync(filter, names: report == TrendReport.Participants, HttpContext.RequestAborted);
        return months is null
            ? Content(string.Empty)
            : View("/Pages/Shared/_Trends.cshtml", new Trends(report, months, zone.Describe()));
    }
}

/// <summary>What _Trends shows: a report's months and the zone their calendar is in.</summary>
public sealed record Trends(TrendReport Report, MonthlySeries Series, string ZoneLabel)
{
    /// <summary>Whether a report of this period shows charted months (and so needs the chart scripts).</summary>
    public static bool Charted(DatePeriod period) => MonthlySeries.Covers(period);
}
