using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Telephony;

/// <summary>
/// The telephony report from the archive, counted by the database: the period's phone legs summed by start day, call
/// type, room and number in one pass (every table and chart of the report is a sum of those groups), and each room's
/// meetings counted in another. No meeting, leg or participant row is read back.
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

        var meetings = archive.Meetings(filter.Period, filter.HostId);
        var groups = await meetings
            .SelectMany(meeting => meeting.Telephony, (meeting, leg) => new { meeting.Start.Date, leg.Type, meeting.HostId, leg.PhoneNumber, leg.Minutes, leg.Cost })
            .GroupBy(call => new { call.Date, call.Type, call.HostId, call.PhoneNumber })
            .Select(group => new { group.Key, Calls = group.Count(), Minutes = group.Sum(call => call.Minutes), Cost = group.Sum(call => call.Cost) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var meetingsPerRoom = await meetings
            .GroupBy(meeting => meeting.HostId)
            .Select(room => new { HostId = room.Key, Meetings = room.Count() })
            .ToDictionaryAsync(room => room.HostId, room => room.Meetings, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var roomList = await roomsTask.ConfigureAwait(false);
        return UpstreamResult<TelephonyReport>.Success(TelephonyReportBuilder.Build(
            filter,
            [.. groups.Select(group => new CallGroup(DateOnly.FromDateTime(group.Key.Date), group.Key.Type, group.Key.HostId, group.Key.PhoneNumber, group.Calls, group.Minutes, group.Cost))],
            meetingsPerRoom,
            roomList,
            revealPhoneNumbers,
            zone));
    }
}
