using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>The KPIs of a period: its months made present in the archive, then counted by the database.</summary>
internal sealed class PeriodKpiService(ArchiveReader archive) : IPeriodKpiService
{
    public async Task<UpstreamResult<PeriodKpis>> GetAsync(AnalyticsFilter filter, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var held = await archive.EnsureAsync(filter.Period, progress, cancellationToken).ConfigureAwait(false);
        if (!held.Succeeded)
        {
            return UpstreamResult<PeriodKpis>.Failed(held.Failure);
        }

        var figures = await ArchiveFigures.OfAsync(archive.Meetings(filter.Period, filter.HostId), cancellationToken).ConfigureAwait(false);
        return UpstreamResult<PeriodKpis>.Success(new PeriodKpis(filter, figures));
    }
}
