using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// Finds the previous period in the archive's bookkeeping and counts its KPIs with <see cref="PeriodKpiService"/>,
/// but only from months already held: where <see cref="PeriodKpiService"/> would read a missing month, this says
/// there is no comparison.
/// </summary>
internal sealed class KpiComparisonService(IArchivePeriods periods, PeriodKpiService kpis, UpstreamZone zone) : IKpiComparisonService
{
    public async Task<PreviousPeriod> FindAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var compared = ComparedPeriod.Before(filter.Period);
        var previous = filter with { Period = compared.Previous };
        if (filter.Period.To >= zone.Today)
        {
            return new PreviousPeriod(compared, previous, ComparisonState.PeriodNotOver, null);
        }

        var held = await periods.HeldAsync(compared.Previous, cancellationToken).ConfigureAwait(false);
        return held is null
            ? new PreviousPeriod(compared, previous, ComparisonState.PreviousNotHeld, null)
            : new PreviousPeriod(compared, previous, ComparisonState.Compared, held);
    }

    public async Task<PeriodKpis> CountAsync(PreviousPeriod previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.Months is null)
        {
            throw new InvalidOperationException($"The archive does not hold {previous.Filter.Period}: a comparison never reads the service.");
        }

        // The same KPIs as the previous period's own page (licences included): /meetings keeps them under one key.
        return await kpis.CountHeldAsync(previous.Filter, cancellationToken).ConfigureAwait(false);
    }
}
