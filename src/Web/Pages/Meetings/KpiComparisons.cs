using Microsoft.Extensions.Caching.Memory;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// The /meetings KPIs against the previous period of the same length, when the archive already holds it. The previous
/// period's KPIs go through <see cref="KpiCache"/> as that period's own /meetings page would, so that paging through
/// the table counts them once, and a visit to either period serves the other.
/// </summary>
internal sealed class KpiComparisons(IKpiComparisonService comparisons, IMemoryCache cache)
{
    public async Task<KpiComparison> ForAsync(PeriodKpis current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var previous = await comparisons.FindAsync(current, cancellationToken);
        if (previous.Months is not { } months)
        {
            return new KpiComparison(previous, current.Figures, null);
        }

        var kpis = await KpiCache.GetAsync(cache, months, previous.Filter, async () =>
            UpstreamResult<PeriodKpis>.Success(await comparisons.CountAsync(previous, cancellationToken)));
        return new KpiComparison(previous, current.Figures, kpis.Value!.Figures);
    }
}
