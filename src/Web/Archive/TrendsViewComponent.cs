using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Meetings;

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
/// <c>&lt;vc:trends report="Meetings" filter="criteria.ToAnalyticsFilter()" /&gt;</c>. The months are kept while the
/// archive holds the same copy of each (their completion times are part of the key), as /meetings keeps its KPIs: every
/// page of a report's table shows the same section.
/// </summary>
public sealed class TrendsViewComponent(
    IMonthlySeriesService series, IArchivePeriods periods, IMemoryCache cache, UpstreamZone zone, IStringLocalizer<SharedResource> text) : ViewComponent
{
    private static readonly MemoryCacheEntryOptions Entry = new()
    {
        SlidingExpiration = TimeSpan.FromMinutes(5),
        AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30),
    };

    public async Task<IViewComponentResult> InvokeAsync(TrendReport report, AnalyticsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var held = Trends.Charted(filter.Period) ? await periods.HeldAsync(filter.Period, HttpContext.RequestAborted) : null;
        if (held is null)
        {
            return Content(string.Empty);
        }

        var names = report == TrendReport.Participants;
        // Today is in the key too: the series stops at today, which cuts the current month.
        var key = new Key(filter, names, zone.Today, held.Copies);
        if (!cache.TryGetValue(key, out MonthlySeries? months) || months is null)
        {
            months = await series.GetAsync(filter, names, HttpContext.RequestAborted);
            if (months is not null)
            {
                cache.Set(key, months, Entry);
            }
        }

        return months is null
            ? Content(string.Empty)
            : View("/Pages/Shared/_Trends.cshtml", new Trends(report, months, zone.Describe(), ListedMeetings.Describe(text, filter)));
    }

    private sealed record Key(AnalyticsFilter Filter, bool Names, DateOnly Today, string Copies);
}

/// <summary>What _Trends shows: a report's months, the zone their calendar is in, and the list they count when a search or person narrows it.</summary>
public sealed record Trends(TrendReport Report, MonthlySeries Series, string ZoneLabel, string? Listed = null)
{
    /// <summary>Whether a report of this period shows charted months (and so needs the chart scripts).</summary>
    public static bool Charted(DatePeriod period) => MonthlySeries.Covers(period);
}
