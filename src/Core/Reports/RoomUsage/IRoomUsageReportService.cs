using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>Room usage of a whole period, or the failure that names the window that is missing.</summary>
public interface IRoomUsageReportService
{
    Task<UpstreamResult<RoomUsageReport>> GetAsync(RoomUsageRequest request, IProgress<GatherProgress>? progress, CancellationToken cancellationToken);
}
