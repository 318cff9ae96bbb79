using System.Globalization;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>Computes room usage from a complete list of meetings; "now" comes from the upstream zone's clock.</summary>
internal static class RoomUsageBuilder
{

    /// <summary>From meetings with their participants and calls: the figures are counted from them.</summary>
    public static RoomUsageReport Build(RoomUsageRequest request, IReadOnlyList<Meeting> meetings, RoomList rooms, BusinessHoursOptions options, UpstreamZone zone) =>
        Build(request, RoomFigures.Of(meetings), meetings, rooms, options, zone);

    /// <summary>
    /// From figures counted elsewhere (the archive's database) and the meetings' times: the participant and call
    /// lists of <paramref name="meetings"/> are not read.
    /// </summary>
    public static RoomUsageReport Build(RoomUsageRequest request, RoomFigures figures, IReadOnlyList<Meeting> meetings, RoomList rooms, BusinessHoursOptions options, UpstreamZone zone)
    {
        var frame = UsageFrame.For(request.Period, options, zone, zone.Now);

        var byRoom = meetings.ToLookup(meeting => meeting.HostId, StringComparer.Ordinal);
        var lines = RoomsToList(rooms, byRoom)
            .Select(hostId => Line(hostId, rooms.NameOf(hostId), [.. byRoom[hostId]], figures.ByRoom.GetValueOrDefault(hostId, MeetingFigures.None), frame))
            .ToList();

        var totals = new RoomUsageTotals(
            figures.Total,
            RoomOccupancy.Of(meetings).PeakConcurrent(frame),
            Utilisation.Sum(lines.Select(line => line.Utilisation)));

        var chosen = string.IsNullOrEmpty(request.HostId)
            ? meetings
            : [.. byRoom[request.HostId]];

        return new RoomUsageReport(
            request,
            lines,
            totals,
            Heatmap(request.HostId, chosen, frame, zone),
            MeetingsPerDay(request.Period, chosen, zone),
            BusinessHoursRule.Of(options, zone),
            frame.Counted.End,
            rooms.IsKnown);
    }

    /// <summary>The directory's rooms in its order (with or without meetings), then any other room the data names.</summary>
    private static List<string> RoomsToList(RoomList rooms, ILookup<string, Meeting> byRoom)
    {
        var listed = rooms.Rooms.Select(room => room.HostId).Distinct(StringComparer.Ordinal).ToList();
        var unlisted = byRoom.Select(group => group.Key).Where(hostId => !rooms.Contains(hostId)).Order(StringComparer.Ordinal);
        return [.. listed, .. unlisted];
    }

    private static RoomUsageLine Line(string hostId, string name, IReadOnlyList<Meeting> meetings, MeetingFigures figures, UsageFrame frame)
    {
        var occupancy = RoomOccupancy.Of(meetings);
        return new RoomUsageLine(hostId, name, figures, occupancy.PeakConcurrent(frame), occupancy.Utilisation(frame));
    }

    private static OccupancyHeatmap Heatmap(string? hostId, IEnumerable<Meeting> meetings, UsageFrame frame, UpstreamZone zone)
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

        return new OccupancyHeatmap(
            string.IsNullOrEmpty(hostId) ? null : hostId,
            [.. BusinessHoursRule.MondayFirst.Select(day => new HeatmapDay(day, [.. Enumerable.Range(0, 24).Select(hour => cells[(int)day, hour])]))]);
    }

    /// <summary>Regular and overflow meetings by start day: every day of the period, and any day the upstream placed a meeting on outside it.</summary>
    private static ChartSeries MeetingsPerDay(DatePeriod period, IReadOnlyList<Meeting> meetings, UpstreamZone zone)
    {
        var byDay = meetings.ToLookup(meeting => zone.DayOf(meeting.Start));
        var days = period.EachDay().Concat(byDay.Select(group => group.Key)).Distinct().Order().ToList();
        return new ChartSeries(
            [.. days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            [
                new ChartDataset(SeriesNames.RegularMeetings, [.. days.Select(day => (decimal)byDay[day].Count(meeting => !meeting.IsExtra))]),
                new ChartDataset(SeriesNames.OverflowMeetings, [.. days.Select(day => (decimal)byDay[day].Count(meeting => meeting.IsExtra))]),
            ]);
    }
}

/// <summary>The figures of each room's meetings and of all of them together (where a person counts once across rooms).</summary>
internal sealed record RoomFigures(IReadOnlyDictionary<string, MeetingFigures> ByRoom, MeetingFigures Total)
{
    public static RoomFigures Of(IReadOnlyList<Meeting> meetings) => new(
        meetings.GroupBy(meeting => meeting.HostId, StringComparer.Ordinal).ToDictionary(room => room.Key, room => MeetingFigures.Of(room), StringComparer.Ordinal),
        MeetingFigures.Of(meetings));
}
