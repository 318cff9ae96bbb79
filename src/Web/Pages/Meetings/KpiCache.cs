using Microsoft.Extensions.Caching.Memory;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// The KPIs of a period as /meetings last counted them, kept while the archive holds the same copy of each of its
/// months. Every page of the table shows the whole period's KPIs, and counting them (the distinct participant names
/// over every participant row of the period) costs more than the rest of the page together; the figures change only
/// when a month is written again, which gives it a new completion time, so the months' completion times are part of
/// the key and a new copy is counted afresh. Only successes are kept.
/// </summary>
internal static class KpiCache
{
    private static readonly MemoryCacheEntryOptions Entry = new()
    {
        SlidingExpiration = TimeSpan.FromMinutes(5),
        AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30),
    };

    public static async Task<UpstreamResult<PeriodKpis>> GetAsync(
        IMemoryCache cache, ArchivedPeriod months, AnalyticsFilter filter, Func<Task<UpstreamResult<PeriodKpis>>> count)
    {
        var key = new Key(filter, months.Copies);
        if (cache.TryGetValue(key, out PeriodKpis? kept) && kept is not null)
        {
            return UpstreamResult<PeriodKpis>.Success(kept);
        }

        var counted = await count();
        if (counted.Succeeded)
        {
            cache.Set(key, counted.Value, Entry);
        }

        return counted;
    }

    private sealed record Key(AnalyticsFilter Filter, string Copies);
}
