using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>KPIs of a whole period, or the failure that names the window that kept them from being complete.</summary>
public interface IPeriodKpiService
{
    /// <param name="progress">Windows and pages gathered so far, for a page that shows progress on a long first read.</param>
    Task<UpstreamResult<PeriodKpis>> GetAsync(AnalyticsFilter filter, IProgress<GatherProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// The KPIs of a period whose months are held already (as <see cref="GetAsync"/> makes them), counted on connections
    /// of the service's own: the caller may run its other queries of the same request meanwhile.
    /// </summary>
    Task<PeriodKpis> CountHeldAsync(AnalyticsFilter filter, CancellationToken cancellationToken);
}
