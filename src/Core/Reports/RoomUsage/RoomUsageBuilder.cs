using System.Globalization;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>Puts room usage together from each room's figures and times, its table sorted as asked.</summary>
internal static class RoomUsageBuilder
{
    /// <summary>From meetings with their participants and calls: every figure is counted from them, in memory.</summary>
    public static RoomUsageReport Build(RoomUsageRequest request, IReadOnlyList<Meeting> meetings, RoomList rooms, BusinessHoursOptions options, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(request);
        var frame = UsageFrame.For(request.Period, options, zone, zone.Now);
        return Build(request, RoomFigures.Of(meetings), RoomTimes.Of(meetings, frame, zone), frame, rooms, options, zone);
    }

    /// <summary>From figures and times counted elsewhere (the archive's database), within <paramref name="frame"/>.</summary>
    public static RoomUsageReport Build(
        RoomUsageRequest request, RoomFigures figures, RoomTimes times, UsageFrame frame, RoomList rooms, BusinessHoursOptions options, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(rooms);

        var lines = Sorted(
            RoomsToList(rooms, figures).Select(hostId => Line(hostId, rooms.NameOf(hostId), figures.ByRoom.GetValueOrDefault(hostId, MeetingFigures.None), times.Of(hostId), frame)),
            request.Sort,
            request.Descending,
            request.TextOrder);

        var totals = new RoomUsageTotals(
            figures.Total,
            times.PeakConcurrent,
            Utilisation.Sum(lines.Select(line => line.Utilisation)));

        var chosen = string.IsNullOrEmpty(request.HostId) ? null : request.HostId;
        return new RoomUsageReport(
            request,
            lines,
            totals,
            Heatmap(chosen, times.Heatmap(chosen)),
            MeetingsPerDay(request.Period, zone.Today, times.Starts(chosen)),
            BusinessHoursRule.Of(options, zone),
            frame.Counted.End,
            rooms.IsKnown);
    }

    /// <summary>The directory's rooms (with or without meetings), then any other room the data names.</summary>
    private static List<string> RoomsToList(RoomList rooms, RoomFigures figures)
    {
        var listed = rooms.Rooms.Select(room => room.HostId).Distinct(StringComparer.Ordinal).ToList();
        var unlisted = figures.ByRoom.Keys.Where(hostId => !rooms.Contains(hostId)).Order(StringComparer.Ordinal);
        return [.. listed, .. unlisted];
    }

    /// <summary>
    /// By the chosen column; rooms that tie follow by name (in the reader's order, <paramref name="names"/>), then by
    /// host id, whatever the direction.
    /// </summary>
    private static List<RoomUsageLine> Sorted(IEnumerable<RoomUsageLine> lines, RoomSort sort, bool descending, TextOrder names)
    {
        var ordered = sort switch
        {
            RoomSort.Room => By(line => line.RoomName, names),
            RoomSort.Meetings => By(line => line.Figures.Meetings),
            RoomSort.ActualMinutes => By(line => line.Figures.ActualMinutes),
            RoomSort.Participants => By(line => line.Figures.ParticipantRows),
            RoomSort.DistinctNames => By(line => line.Figures.DistinctNames),
            RoomSort.Overflow => By(line => line.Figures.OverflowMeetings),
            RoomSort.PhoneCost => By(line => line.Figures.CallCost),
            RoomSort.Peak => By(line => line.PeakConcurrentMeetings),
            RoomSort.Utilisation => By(line => line.Utilisation.Ratio),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not a column of the room table."),
        };
        return [.. ordered.ThenBy(line => line.RoomName, names).ThenBy(line => line.HostId, StringComparer.Ordinal)];

        IOrderedEnumerable<RoomUsageLine> By<TKey>(Func<RoomUsageLine, TKey> key, IComparer<TKey>? comparer = null) =>
            descending ? lines.OrderByDescending(key, comparer) : lines.OrderBy(key, comparer);
    }

    private static RoomUsageLine Line(string hostId, string name, MeetingFigures figures, RoomTime time, UsageFrame frame) =>
        new(hostId, name, figures, time.PeakConcurrent, new Utilisation(time.Occupied, time.MeetingTime, frame.Calendar.Available));

    private static OccupancyHeatmap Heatmap(string? hostId, TimeSpan[,] cells) => new(
        hostId,
        [.. BusinessHoursRule.MondayFirst.Select(day => new HeatmapDay(day, [.. Enumerable.Range(0, 24).Select(hour => cells[(int)day, hour])]))]);

    /// <summary>
    /// Regular and overflow meetings by start day: every day of the period up to today, and any day the upstream placed
    /// a meeting on outside it.
    /// </summary>
    private static ChartSeries MeetingsPerDay(DatePeriod period, DateOnly today, Dictionary<DateOnly, (int Regular, int Overflow)> starts)
    {
        var days = period.EachDayUntil(today).Concat(starts.Keys).Distinct().Order().ToList();
        return new ChartSeries(
            [.. days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            [
                new ChartDataset(SeriesNames.RegularMeetings, [.. days.Select(day => (decimal)starts.GetValueOrDefault(day).Regular)]),
                new ChartDataset(SeriesNames.OverflowMeetings, [.. days.Select(day => (decimal)starts.GetValueOrDefault(day).Overflow)]),
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
