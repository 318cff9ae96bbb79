using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// <see cref="MeetingFigures"/> counted by the database: sums of the per-meeting totals the archive wrote when it
/// synchronised (one pass over the meetings table), and the distinct names of the participant rows (one more).
/// The same definitions as <see cref="MeetingFigures.Of"/>, which the tests hold them to.
/// </summary>
internal static class ArchiveFigures
{
    /// <summary>The figures of every meeting of the query together.</summary>
    public static async Task<MeetingFigures> OfAsync(IQueryable<ArchivedMeeting> meetings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var sums = await Sums(meetings.GroupBy(meeting => 1)).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (sums is null)
        {
            return MeetingFigures.None;
        }

        var names = await meetings.SelectMany(meeting => meeting.Participants).Select(session => session.Name).Distinct()
            .CountAsync(cancellationToken).ConfigureAwait(false);
        return sums.ToFigures(names);
    }

    /// <summary>
    /// The figures of each room and of all rooms together in two passes: the sums per room (the totals are their sums),
    /// and each room's distinct names (a few hundred rows at most), from which the names across rooms are counted too.
    /// </summary>
    public static async Task<(Dictionary<string, MeetingFigures> ByRoom, MeetingFigures Total)> ByRoomAndTotalAsync(
        IQueryable<ArchivedMeeting> meetings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var sums = await Sums(meetings.GroupBy(meeting => meeting.HostId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (sums.Count == 0)
        {
            return ([], MeetingFigures.None);
        }

        // Both databases compare these names byte for byte (SQLite's BINARY, PostgreSQL's deterministic collations), as Ordinal does.
        var names = await meetings.SelectMany(meeting => meeting.Participants, (meeting, session) => new { meeting.HostId, session.Name })
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byRoom = names.GroupBy(row => row.HostId, StringComparer.Ordinal).ToDictionary(room => room.Key, room => room.Count(), StringComparer.Ordinal);
        var total = sums.Aggregate(
            new Sum<int>(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0m),
            static (sum, room) => new Sum<int>(
                0,
                sum.Meetings + room.Meetings,
                sum.Running + room.Running,
                sum.Scheduled + room.Scheduled,
                sum.Actual + room.Actual,
                sum.ParticipantRows + room.ParticipantRows,
                sum.Attendees + room.Attendees,
                sum.Overflow + room.Overflow,
                sum.Calls + room.Calls,
                sum.CallMinutes + room.CallMinutes,
                sum.CallCost + room.CallCost));
        return (
            sums.ToDictionary(room => room.Key, room => room.ToFigures(byRoom.GetValueOrDefault(room.Key)), StringComparer.Ordinal),
            total.ToFigures(names.Select(row => row.Name).Distinct(StringComparer.Ordinal).Count()));
    }

    internal static IQueryable<Sum<TKey>> Sums<TKey>(IQueryable<IGrouping<TKey, ArchivedMeeting>> groups) =>
        groups.Select(group => new Sum<TKey>(
            group.Key,
            group.Count(),
            group.Count(meeting => meeting.End == null),
            group.Sum(meeting => meeting.ScheduledMinutes),
            group.Sum(meeting => meeting.ActualMinutes ?? 0),
            group.Sum(meeting => meeting.ParticipantRows),
            group.Sum(meeting => meeting.DistinctParticipants),
            group.Count(meeting => meeting.IsExtra),
            group.Sum(meeting => meeting.PhoneCalls),
            group.Sum(meeting => meeting.PhoneMinutes),
            group.Sum(meeting => meeting.PhoneCost)));

    internal sealed record Sum<TKey>(
        TKey Key,
        int Meetings,
        int Running,
        int Scheduled,
        int Actual,
        int ParticipantRows,
        int Attendees,
        int Overflow,
        int Calls,
        int CallMinutes,
        decimal CallCost)
    {
        public MeetingFigures ToFigures(int distinctNames) =>
            new(Meetings, Running, Scheduled, Actual, ParticipantRows, Attendees, distinctNames, Overflow, Calls, CallMinutes, CallCost);
    }
}
