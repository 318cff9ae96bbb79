using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// Room usage from the archive: each room's figures (sums and distinct names) counted by the database, and its times
/// (peaks, business time, heatmap, meetings per day) counted in memory from the meetings' start and end alone
/// (<see cref="RoomTimes.Of"/>). The times were counted by one SQL statement for a while: on 24 months of demo data it
/// took 719 ms against 211 ms for reading the times and counting them here (bench/RESULTS.md, 2026-12-06 04:57).
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
        var times = RoomTimes.Of(await archive.ReadAsync(inPeriod, MeetingParts.None, cancellationToken).ConfigureAwait(false), frame, zone);
        var roomList = await roomsTask.ConfigureAwait(false);
        return UpstreamResult<RoomUsageReport>.Success(
            RoomUsageBuilder.Build(request, new RoomFigures(byRoom, total), times, frame, roomList, options, zone));
    }
}
