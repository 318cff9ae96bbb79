using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// Room usage from the archive, counted by the database: each room's figures (sums and distinct names), and its
/// times (peaks, business time, heatmap, meetings per day) in one statement (<see cref="RoomTimesQuery"/>). Only in a
/// zone whose clock changes within the period are the meetings' times read and counted in memory.
/// </summary>
internal sealed class RoomUsageReportService(
    ArchiveReader archive,
    IRoomDirectory rooms,
    UpstreamZone zone,
    IOptions<BusinessHoursOptions> businessHours) : IRoomUsageReportService
{
    public async Task<UpstreamResult<RoomUsageReport>> GetAsync(RoomUsageRequest request, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var roomsTask = rooms.GetRoomsAsync(cancellationToken);
        var held = await archive.EnsureAsync(request.Period, progress, cancellationToken).ConfigureAwait(false);
        if (!held.Succeeded)
        {
            return UpstreamResult<RoomUsageReport>.Failed(held.Failure);
        }

        var options = businessHours.Value;
        var frame = UsageFrame.For(request.Period, options, zone, zone.Now);
        var inPeriod = archive.Meetings(request.Period);
        var (byRoom, total) = await ArchiveFigures.ByRoomAndTotalAsync(inPeriod, cancellationToken).ConfigureAwait(false);
        var times = RoomTimesQuery.Applies(zone, request.Period)
            ? await RoomTimesQuery.ReadAsync(archive.Context, request.Period, frame, options, zone, cancellationToken).ConfigureAwait(false)
            : RoomTimes.Of(await archive.ReadAsync(inPeriod, MeetingParts.None, cancellationToken).ConfigureAwait(false), frame, zone);
        var roomList = await roomsTask.ConfigureAwait(false);
        return UpstreamResult<RoomUsageReport>.Success(
            RoomUsageBuilder.Build(request, new RoomFigures(byRoom, total), times, frame, roomList, options, zone));
    }
}
