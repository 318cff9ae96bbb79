using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// Room usage from the archive in two queries: each meeting of the period read once as its room, times and the totals
/// the archive wrote for it (no participant or telephone row), from which each room's sums and its times (peaks,
/// business time, heatmap, meetings per day) are counted in memory (<see cref="RoomTimes"/>); and each room's distinct
/// names, counted by the database at the same time on a connection of its own. The times were counted by one SQL statement for a while: on 24 months of demo data
/// it took 719 ms against 211 ms for reading the times and counting them here (bench/RESULTS.md, 2026-12-06 04:57);
/// the sums were a grouped query of their own until reading each meeting once made them a loop over the same rows.
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
        // The names (a pass over the period's day names) are counted beside the meetings' read and the times' counting.
        var namesTask = archive.DayNamesBesideAsync(
            request.Period, hostId: null, dayNames => ArchiveFigures.DistinctNamesByRoomAsync(dayNames, cancellationToken), cancellationToken);
        var rows = await archive.Meetings(request.Period)
            .Select(meeting => new MeetingRow(
                meeting.HostId, meeting.Start, meeting.End, meeting.IsExtra, meeting.ScheduledMinutes, meeting.ActualMinutes,
                meeting.ParticipantRows, meeting.DistinctParticipants, meeting.PhoneCalls, meeting.PhoneMinutes, ArchiveContext.Fen(meeting.PhoneCost)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var steady = SteadyZone.Of(zone);
        var times = RoomTimes.Of([.. rows.Select(row => new MeetingTime(row.HostId, steady.Attach(row.Start), row.End is { } end ? steady.Attach(end) : null, row.IsExtra))], frame, zone);
        var (namesByRoom, names) = await namesTask.ConfigureAwait(false);
        var roomList = await roomsTask.ConfigureAwait(false);
        return UpstreamResult<RoomUsageReport>.Success(
            RoomUsageBuilder.Build(request, Figures(rows, namesByRoom, names), times, frame, roomList, options, zone));
    }

    /// <summary>Each room's sums of its meetings' totals with its distinct names, and the same over every room.</summary>
    private static RoomFigures Figures(List<MeetingRow> rows, Dictionary<string, int> namesByRoom, int names)
    {
        var sums = new Dictionary<string, Sum>(StringComparer.Ordinal);
        var total = new Sum();
        foreach (var row in rows)
        {
            if (!sums.TryGetValue(row.HostId, out var sum))
            {
                sums.Add(row.HostId, sum = new Sum());
            }

            sum.Add(row);
            total.Add(row);
        }

        return new RoomFigures(
            sums.ToDictionary(room => room.Key, room => room.Value.ToFigures(namesByRoom.GetValueOrDefault(room.Key)), StringComparer.Ordinal),
            total.ToFigures(names));
    }

    /// <summary>One meeting as /rooms reads it: wall-clock times as stored, and the totals the archive wrote.</summary>
    private sealed record MeetingRow(
        string HostId,
        DateTime Start,
        DateTime? End,
        bool IsExtra,
        int ScheduledMinutes,
        int? ActualMinutes,
        int ParticipantRows,
        int DistinctParticipants,
        int PhoneCalls,
        int PhoneMinutes,
        long PhoneCostFen);

    /// <summary>The sums of <see cref="MeetingFigures"/>, as <see cref="ArchiveFigures"/> has the database count them.</summary>
    private sealed class Sum
    {
        private int _meetings, _running, _scheduled, _actual, _rows, _attendees, _overflow, _calls, _callMinutes;
        private long _callCostFen;

        public void Add(MeetingRow row)
        {
            _meetings++;
            _running += row.End is null ? 1 : 0;
            _scheduled += row.ScheduledMinutes;
            _actual += row.ActualMinutes ?? 0;
            _rows += row.ParticipantRows;
            _attendees += row.DistinctParticipants;
            _overflow += row.IsExtra ? 1 : 0;
            _calls += row.PhoneCalls;
            _callMinutes += row.PhoneMinutes;
            _callCostFen += row.PhoneCostFen;
        }

        public MeetingFigures ToFigures(int distinctNames) =>
            new(_meetings, _running, _scheduled, _actual, _rows, _attendees, distinctNames, _overflow, _calls, _callMinutes, ArchiveContext.FromFen(_callCostFen));
    }
}
