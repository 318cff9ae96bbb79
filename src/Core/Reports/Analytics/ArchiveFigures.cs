using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// <see cref="MeetingFigures"/> counted by the database: sums of the per-meeting totals the archive wrote when it
/// synchronised (one pass over the meetings table), and the distinct names of the day names written with them
/// (<see cref="RoomDayName"/>; one more, never over the participant rows).
/// The same definitions as <see cref="MeetingFigures.Of"/>, which the tests hold them to.
/// </summary>
internal static class ArchiveFigures
{
    /// <summary>
    /// The figures of the period's meetings (of one room or all) together: the sums and the distinct names, each counted
    /// on a connection of its own and both at once (<see cref="ArchiveReader.BesideAsync"/>), so that the caller's own
    /// context stays free for other queries meanwhile.
    /// </summary>
    public static async Task<MeetingFigures> OfAsync(ArchiveReader archive, DatePeriod period, string? hostId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var sums = archive.BesideAsync(period, hostId, meetings => Sums(meetings.GroupBy(meeting => 1)).SingleOrDefaultAsync(cancellationToken), cancellationToken);
        var names = archive.DayNamesBesideAsync(period, hostId, names => names.Select(row => row.Name).Distinct().CountAsync(cancellationToken), cancellationToken);
        await Task.WhenAll(sums, names).ConfigureAwait(false);
        return (await sums.ConfigureAwait(false))?.ToFigures(await names.ConfigureAwait(false)) ?? MeetingFigures.None;
    }

    /// <summary>
    /// The figures of the meetings the filter's search and person narrow its period to (the meetings report's list), as
    /// <see cref="OfAsync(ArchiveReader, DatePeriod, string?, CancellationToken)"/> counts a whole period: the sums of
    /// those meetings' totals, and their distinct names from their own participant rows (the day names are a whole
    /// room's day). Each on a connection of its own, both at once.
    /// </summary>
    /// <param name="rooms">The room list, whose names the search finds rooms by (as the report does).</param>
    public static async Task<MeetingFigures> OfAsync(ArchiveReader archive, AnalyticsFilter filter, RoomList rooms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(filter);
        if (!filter.NarrowsMeetings)
        {
            return await OfAsync(archive, filter.Period, filter.HostId, cancellationToken).ConfigureAwait(false);
        }

        // Each statement finds the listed meetings on its own connection (the rooms the search names are a few rows).
        var sums = archive.OnOwnConnectionAsync(
            async own =>
            {
                var listed = await MeetingsQuery.ListedAsync(own, rooms, filter, cancellationToken).ConfigureAwait(false);
                return await Sums(listed.GroupBy(meeting => 1)).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
        var names = archive.OnOwnConnectionAsync(
            async own =>
            {
                var listed = (await MeetingsQuery.ListedAsync(own, rooms, filter, cancellationToken).ConfigureAwait(false)).Select(meeting => meeting.Uuid);
                return await own.ParticipantSessions.Where(session => listed.Contains(session.MeetingUuid)).Select(session => session.Name).Distinct()
                    .CountAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
        await Task.WhenAll(sums, names).ConfigureAwait(false);
        return (await sums.ConfigureAwait(false))?.ToFigures(await names.ConfigureAwait(false)) ?? MeetingFigures.None;
    }

    /// <summary>
    /// Each room's distinct names and the names counted once across rooms, from the distinct (room, name) pairs of the
    /// period's day names (a few hundred rows at most).
    /// </summary>
    public static async Task<(Dictionary<string, int> ByRoom, int Total)> DistinctNamesByRoomAsync(
        IQueryable<RoomDayName> dayNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dayNames);

        // Both databases compare these names byte for byte (SQLite's BINARY, PostgreSQL's deterministic collations), as Ordinal does.
        var names = await dayNames.Select(row => new { row.HostId, row.Name })
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (
            names.GroupBy(row => row.HostId, StringComparer.Ordinal).ToDictionary(room => room.Key, room => room.Count(), StringComparer.Ordinal),
            names.Select(row => row.Name).Distinct(StringComparer.Ordinal).Count());
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
            group.Sum(meeting => ArchiveContext.Fen(meeting.PhoneCost))));

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
        long CallCostFen)
    {
        public MeetingFigures ToFigures(int distinctNames) =>
            new(Meetings, Running, Scheduled, Actual, ParticipantRows, Attendees, distinctNames, Overflow, Calls, CallMinutes, ArchiveContext.FromFen(CallCostFen));
    }
}
