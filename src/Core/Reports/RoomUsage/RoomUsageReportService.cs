using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

internal sealed class RoomUsageReportService(
    PeriodMeetings source,
    IRoomDirectory rooms,
    UpstreamZone zone,
    IOptions<BusinessHoursOptions> businessHours) : IRoomUsageReportService
{
    public async Task<UpstreamResult<RoomUsageReport>> GetAsync(RoomUsageRequest request, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var roomsTask = rooms.GetRoomsAsync(cancellationToken);
        var meetings = await source.GatherAsync(new AnalyticsFilter(request.Period), progress, cancellationToken).ConfigureAwait(false);
        var roomList = await roomsTask.ConfigureAwait(false);

        return meetings.Succeeded
            ? UpstreamResult<RoomUsageReport>.Success(RoomUsageBuilder.Build(request, meetings.Value, roomList, businessHours.Value, zone))
            : UpstreamResult<RoomUsageReport>.Failed(meetings.Failure);
    }
}
