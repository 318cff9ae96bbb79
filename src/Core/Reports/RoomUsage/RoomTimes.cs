using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>One room's figures that come from when its meetings ran, within a <see cref="UsageFrame"/>.</summary>
internal sealed record RoomTime(int PeakConcurrent, TimeSpan Occupied, TimeSpan MeetingTime)
{
    public static RoomTime None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);
}

/// <summary>When one meeting ran, and whether it was an overflow meeting: all that <see cref="RoomTimes"/> reads of it.</summary>
internal readonly record struct MeetingTime(string HostId, DateTimeOffset Start, DateTimeOffset? End, bool IsExtra)
{
    public static MeetingTime Of(Meeting meeting) => new(meeting.HostId, meeting.Start, meeting.End, meeting.IsExtra);
}

/// <summary>
/// The figures of a period that come from when its meetings ran rather than from what they held: each room's peak
/// and business time, the account's peak, each room's meeting time per weekday × hour cell and its meetings started
/// per day, counted from the meetings' times by <see cref="Of(IReadOnlyList{MeetingTime}, UsageFrame, UpstreamZone)"/>.
/// </summary>
internal sealed record RoomTimes(
    IReadOnlyDictionary<string, RoomTime> ByRoom,
    int PeakConcurrent,
    IReadOnlyDictionary<string, TimeSpan[,]> HeatmapByRoom,
    IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, (int Regular, int Overflow)>> StartsByRoom)
{
    public static RoomTimes Of(IReadOnlyList<Meeting> meetings, UsageFrame frame, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        return Of([.. meetings.Select(MeetingTime.Of)], frame, zone);
    }

    public static RoomTimes Of(IReadOnlyList<MeetingTime> meetings, UsageFrame frame, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(frame);
        var steady = SteadyZone.Of(zone);
        var rooms = new Dictionary<string, (RoomOccupancy Occupancy, TimeSpan[,] Cells, Dictionary<DateOnly, (int Regular, int Overflow)> Starts)>(StringComparer.Ordinal);
        var account = new RoomOccupancy();
        foreach (var meeting in meetings)
        {
            if (!rooms.TryGetValue(meeting.HostId, out var room))
            {
                rooms.Add(meeting.HostId, room = (new RoomOccupancy(), new TimeSpan[7, 24], []));
            }

            room.Occupancy.Add(meeting.Start, meeting.End);
            account.Add(meeting.Start, meeting.End);
            AddCells(room.Cells, meeting, frame, steady);
            var day = steady.DayOf(meeting.Start);
            var started = room.Starts.GetValueOrDefault(day);
            room.Starts[day] = meeting.IsExtra ? (started.Regular, started.Overflow + 1) : (started.Regular + 1, started.Overflow);
        }

        return new RoomTimes(
            rooms.ToDictionary(
                room => room.Key,
                room =>
                {
                    var utilisation = room.Value.Occupancy.Utilisation(frame);
                    return new RoomTime(room.Value.Occupancy.PeakConcurrent(frame), utilisation.Occupied, utilisation.MeetingTime);
                },
                StringComparer.Ordinal),
            account.PeakConcurrent(frame),
            rooms.ToDictionary(room => room.Key, room => room.Value.Cells, StringComparer.Ordinal),
            rooms.ToDictionary(room => room.Key, room => (IReadOnlyDictionary<DateOnly, (int, int)>)room.Value.Starts, StringComparer.Ordinal));
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

    /// <summary>The meeting's time within the counted part of the period, cut at every wall-clock hour.</summary>
    private static void AddCells(TimeSpan[,] cells, MeetingTime meeting, UsageFrame frame, SteadyZone zone)
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
}
