using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>One room's figures that come from when its meetings ran, within a <see cref="UsageFrame"/>.</summary>
internal sealed record RoomTime(int PeakConcurrent, TimeSpan Occupied, TimeSpan MeetingTime)
{
    public static RoomTime None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);
}

/// <summary>
/// The figures of a period that come from when its meetings ran rather than from what they held: each room's peak
/// and business time, the account's peak, each room's meeting time per weekday × hour cell and its meetings started
/// per day, counted from the meetings' times by <see cref="Of"/>.
/// </summary>
internal sealed record RoomTimes(
    IReadOnlyDictionary<string, RoomTime> ByRoom,
    int PeakConcurrent,
    IReadOnlyDictionary<string, TimeSpan[,]> HeatmapByRoom,
    IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, (int Regular, int Overflow)>> StartsByRoom)
{
    public static RoomTimes Of(IReadOnlyList<Meeting> meetings, UsageFrame frame, UpstreamZone zone)
    {
        var byRoom = meetings.GroupBy(meeting => meeting.HostId, StringComparer.Ordinal).ToList();
        return new RoomTimes(
            byRoom.ToDictionary(
                room => room.Key,
                room =>
                {
                    var occupancy = RoomOccupancy.Of(room);
                    var utilisation = occupancy.Utilisation(frame);
                    return new RoomTime(occupancy.PeakConcurrent(frame), utilisation.Occupied, utilisation.MeetingTime);
                },
                StringComparer.Ordinal),
            RoomOccupancy.Of(meetings).PeakConcurrent(frame),
            byRoom.ToDictionary(room => room.Key, room => Cells(room, frame, zone), StringComparer.Ordinal),
            byRoom.ToDictionary(
                room => room.Key,
                room => (IReadOnlyDictionary<DateOnly, (int, int)>)room.GroupBy(meeting => zone.DayOf(meeting.Start))
                    .ToDictionary(day => day.Key, day => (day.Count(meeting => !meeting.IsExtra), day.Count(meeting => meeting.IsExtra))),
                StringComparer.Ordinal));
    }

    /// <summary>The room's times; nothing for a room without meetings in the period.</summary>
    public RoomTime Of(string hostId) => ByRoom.GetValueOrDefault(hostId, RoomTime.None);

    /// <summary>Meeting time per [day of week, hour] of one room, or of every room when <paramref name="hostId"/> is null.</summary>
    public TimeSpan[,] Heatmap(string? hostId)
    {
        var cells = new TimeSpan[7, 24];
        foreach (var (room, roomCells) in HeatmapByRoom)
        {
            if (hostId is null || string.Equals(room, hostId, StringComparison.Ordinal))
            {
                for (var day = 0; day < 7; day++)
                {
                    for (var hour = 0; hour < 24; hour++)
                    {
                        cells[day, hour] += roomCells[day, hour];
                    }
                }
            }
        }

        return cells;
    }

    /// <summary>Regular and overflow meetings started per day, of one room or of every room.</summary>
    public Dictionary<DateOnly, (int Regular, int Overflow)> Starts(string? hostId)
    {
        var days = new Dictionary<DateOnly, (int Regular, int Overflow)>();
        foreach (var (room, roomDays) in StartsByRoom)
        {
            if (hostId is null || string.Equals(room, hostId, StringComparison.Ordinal))
            {
                foreach (var (day, (regular, overflow)) in roomDays)
                {
                    var sum = days.GetValueOrDefault(day);
                    days[day] = (sum.Regular + regular, sum.Overflow + overflow);
                }
            }
        }

        return days;
    }

    /// <summary>Each meeting's time within the counted part of the period, cut at every wall-clock hour.</summary>
    private static TimeSpan[,] Cells(IEnumerable<Meeting> meetings, UsageFrame frame, UpstreamZone zone)
    {
        var cells = new TimeSpan[7, 24];
        foreach (var meeting in meetings)
        {
            var span = frame.Span(meeting.Start, meeting.End).Intersect(frame.Counted);
            var cursor = span.Start;
            while (cursor < span.End)
            {
                var wallClock = zone.WallClockOf(cursor);
                var hourStart = wallClock.Date.AddHours(wallClock.Hour);
                var next = zone.Attach(hourStart.AddHours(1));

                // Where a daylight-saving change repeats an hour, the next wall-clock hour may not lie ahead.
                if (next <= cursor)
                {
                    next = cursor.AddHours(1);
                }

                var segmentEnd = next < span.End ? next : span.End;
                cells[(int)wallClock.DayOfWeek, wallClock.Hour] += segmentEnd - cursor;
                cursor = segmentEnd;
            }
        }

        return cells;
    }
}
