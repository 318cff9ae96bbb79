using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// Room usage from the archive: each room's figures counted by the database, and when each meeting ran (the meetings
/// table alone) for the peaks, the utilisation, the heatmap and the chart.
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

        var inPeriod = archive.Meetings(request.Period);
        var meetings = await archive.ReadAsync(inPeriod, MeetingParts.None, cancellationToken).ConfigureAwait(false);
        var byRoom = await ArchiveFigures.ByRoomAsync(inPeriod, cancellationToken).ConfigureAwait(false);
        var total = await ArchiveFigures.OfAsync(inPeriod, cancellationToken).ConfigureAwait(false);
        var roomList = await roomsTask.ConfigureAwait(false);
        return UpstreamResult<RoomUsageReport>.Success(
            RoomUsageBuilder.Build(request, new RoomFigures(byRoom, total), meetings, roomList, businessHours.Value, zone));
    }
}
