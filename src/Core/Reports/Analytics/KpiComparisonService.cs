using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// Finds the previous period in the archive's bookkeeping and counts its KPIs with <see cref="PeriodKpiService"/>,
/// but only from months already held: where <see cref="PeriodKpiService"/> would read a missing month, this says
/// there is no comparison (as of the instance's snapshot of the held months, <see cref="IArchivePeriods.HeldAsOfSnapshotAsync"/>).
/// </summary>
internal sealed class KpiComparisonService(IArchivePeriods periods, PeriodKpiService kpis, UpstreamZone zone) : IKpiComparisonService
{
    public async Task<PreviousPeriod> FindAsync(PeriodKpis current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var filter = current.Filter;
        var compared = ComparedPeriod.Before(filter.Period);
        var previous = filter with { Period = compared.Previous };
        if (filter.Period.To >= zone.Today)
        {
            return new PreviousPeriod(compared, previous, ComparisonState.PeriodNotOver, null);
        }

        if (current.Figures.RunningMeetings > 0)
        {
            return new PreviousPeriod(compared, previous, ComparisonState.MeetingsRunning, null);
        }

        // A previous period another instance has just archived may show as not held for HeldMonths.Lifetime: the
        // comparison appears a moment later, and a period not archived costs no query of month_windows per request.
        var held = await periods.HeldAsOfSnapshotAsync(compared.Previous, cancellationToken).ConfigureAwait(false);
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
