using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Telephony;

/// <summary>
/// The telephony report from the archive: the period's meetings with their calls (never their participants, the
/// largest table), summed by day, type, room and number.
/// </summary>
internal sealed class TelephonyReportService(ArchiveReader archive, IRoomDirectory rooms, UpstreamZone zone) : ITelephonyReportService
{
    public async Task<UpstreamResult<TelephonyReport>> GetAsync(
        AnalyticsFilter filter, bool revealPhoneNumbers, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // Names and meetings are independent; the room list never fails (it degrades to host ids).
        var roomsTask = rooms.GetRoomsAsync(cancellationToken);
        var held = await archive.EnsureAsync(filter.Period, progress, cancellationToken).ConfigureAwait(false);
        if (!held.Succeeded)
        {
            return UpstreamResult<TelephonyReport>.Failed(held.Failure);
        }

        var meetings = await archive.ReadAsync(archive.Meetings(filter.Period, filter.HostId), MeetingParts.Telephony, cancellationToken).ConfigureAwait(false);
        var roomList = await roomsTask.ConfigureAwait(false);
        return UpstreamResult<TelephonyReport>.Success(TelephonyReportBuilder.Build(filter, meetings, roomList, revealPhoneNumbers, zone));
    }
}
