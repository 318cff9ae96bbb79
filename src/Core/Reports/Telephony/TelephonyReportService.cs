using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Telephony;

/// <summary>
/// The telephony report from the archive: the period's phone legs (start day, call type, room, number, minutes, cost)
/// read in one pass and summed by start day, call type, room and number (every table and chart of the report is a
/// sum of those groups), and each room's meetings counted in another at the same time, on a connection of its own.
/// </summary>
internal sealed class TelephonyReportService(ArchiveReader archive, IRoomDirectory rooms, UpstreamZone zone) : ITelephonyReportService
{
    public async Task<UpstreamResult<TelephonyReport>> GetAsync(
        AnalyticsFilter filter, bool revealPhoneNumbers, TextOrder names, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.NarrowsMeetings)
        {
            throw new ArgumentException("The telephony report covers every meeting of its period and room: it takes no search and no person.", nameof(filter));
        }

        // Names and meetings are independent; the room list never fails (it degrades to host ids).
        var roomsTask = rooms.GetRoomsAsync(cancellationToken);
        var held = await archive.EnsureAsync(filter.Period, progress, cancellationToken).ConfigureAwait(false);
        if (!held.Succeeded)
        {
            return UpstreamResult<TelephonyReport>.Failed(held.Failure);
        }

        // Nearly every leg is a group of its own (a number seldom calls twice on one day in one room), so the database
        // reads the legs and they are summed here: grouping them there cost SQLite more than reading them (a day of a
        // timestamp and a decimal sum per row).
        var meetingsPerRoomTask = archive.BesideAsync(filter.Period, filter.HostId, meetings => MeetingsPerRoomAsync(meetings, cancellationToken), cancellationToken);
        // Only the meetings with calls are joined to the legs (their count was written with them): at ten times the demo's
        // meetings, a quarter of them.
        var legs = await archive.Meetings(filter.Period, filter.HostId)
            .Where(meeting => meeting.PhoneCalls > 0)
            .SelectMany(meeting => meeting.Telephony, (meeting, leg) => new { meeting.Start, leg.Type, meeting.HostId, leg.PhoneNumber, leg.Minutes, leg.Cost })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var groups = new Dictionary<(DateOnly Day, string Type, string HostId, string PhoneNumber), (int Calls, int Minutes, decimal Cost)>();
        foreach (var leg in legs)
        {
            var key = (DateOnly.FromDateTime(leg.Start), leg.Type, leg.HostId, leg.PhoneNumber);
            var sum = groups.GetValueOrDefault(key);
            groups[key] = (sum.Calls + 1, sum.Minutes + leg.Minutes, sum.Cost + leg.Cost);
        }

        var meetingsPerRoom = await meetingsPerRoomTask.ConfigureAwait(false);
        var roomList = await roomsTask.ConfigureAwait(false);
        return UpstreamResult<TelephonyReport>.Success(TelephonyReportBuilder.Build(
            filter,
            [.. groups.Select(group => new CallGroup(group.Key.Day, group.Key.Type, group.Key.HostId, group.Key.PhoneNumber, group.Value.Calls, group.Value.Minutes, group.Value.Cost))],
            meetingsPerRoom,
            roomList,
            revealPhoneNumbers,
            zone,
            names));
    }

    /// <summary>Each room's meetings in the period, counted by the database: a dozen rows, whatever the period.</summary>
    private static Task<Dictionary<string, int>> MeetingsPerRoomAsync(IQueryable<ArchivedMeeting> meetings, CancellationToken cancellationToken) =>
        meetings
            .GroupBy(meeting => meeting.HostId)
            .Select(room => new { HostId = room.Key, Meetings = room.Count() })
            .ToDictionaryAsync(room => room.HostId, room => room.Meetings, StringComparer.Ordinal, cancellationToken);
}
