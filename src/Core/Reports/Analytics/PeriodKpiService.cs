using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

internal sealed class PeriodKpiService(PeriodMeetings source) : IPeriodKpiService
{
    public async Task<UpstreamResult<PeriodKpis>> GetAsync(AnalyticsFilter filter, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        var meetings = await source.GatherAsync(filter, progress, cancellationToken).ConfigureAwait(false);
        return meetings.Succeeded
            ? UpstreamResult<PeriodKpis>.Success(new PeriodKpis(filter, MeetingFigures.Of(meetings.Value)))
            : UpstreamResult<PeriodKpis>.Failed(meetings.Failure);
    }
}
