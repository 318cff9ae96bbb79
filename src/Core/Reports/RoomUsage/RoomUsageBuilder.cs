using System.Globalization;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>Computes room usage from a complete list of meetings; "now" comes from the upstream zone's clock.</summary>
internal static class RoomUsageBuilder
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static RoomUsageReport Build(RoomUsageRequest request, IReadOnlyList<Meeting> meetings, RoomList rooms, BusinessHoursOptions options, UpstreamZone zone)
    {
        var now = zone.Now;
        var period = new TimeInterval(zone.StartOf(request.Period.From), zone.StartOf(request.Period.To.AddDays(1)));
        var countedUntil = period.End < now ? period.End : now;
        var counted = period with { End = countedUntil };
        var calendar = new BusinessCalendar(options, request.Period, countedUntil, zone);

        var byRoom = meetings.ToLookup(meeting => meeting.HostId, StringComparer.Ordinal);
        var lines = RoomsToList(rooms, byRoom)
            .Select(hostId => Line(hostId, rooms.NameOf(hostId), [.. byRoom[hostId]], counted, calendar, now))
            .ToList();

        var totals = new RoomUsageTotals(
            MeetingFigures.Of(meetings),
            PeakConcurrent(meetings, now),
            new Utilisation(
                Sum(lines.Select(line => line.Utilisation.Occupied)),
                Sum(lines.Select(line => line.Utilisation.MeetingTime)),
                Sum(lines.Select(line => line.Utilisation.Available))));

        var chosen = string.IsNullOrEmpty(request.HostId)
            ? meetings
            : [.. byRoom[request.HostId]];

        var days = options.BusinessDays;
        return new RoomUsageReport(
            request,
            lines,
            totals,
            Heatmap(request.HostId, chosen, counted, now, zone),
            MeetingsPerDay(request.Period, chosen, zone),
            new BusinessHoursRule([.. MondayFirst.Where(days.Contains)], options.Start, options.End, zone.Describe()),
            countedUntil,
            rooms.IsKnown);
    }

    /// <summary>The directory's rooms in its order (with or without meetings), then any other room the data names.</summary>
    private static List<string> RoomsToList(RoomList rooms, ILookup<string, Meeting> byRoom)
    {
        var listed = rooms.Rooms.Select(room => room.HostId).Distinct(StringComparer.Ordinal).ToList();
        var unlisted = byRoom.Select(group => group.Key).Where(hostId => !rooms.Contains(hostId)).Order(StringComparer.Ordinal);
        return [.. listed, .. unlisted];
    }

    private static RoomUsageLine Line(string hostId, string name, IReadOnlyList<Meeting> meetings, TimeInterval counted, BusinessCalendar calendar, DateTimeOffset now)
    {
        var spans = meetings.Select(meeting => Span(meeting, now).Intersect(counted)).ToList();
        var occupied = Sum(TimeInterval.Union(spans).Select(calendar.Within));
        var meetingTime = Sum(spans.Select(calendar.Within));
        return new RoomUsageLine(hostId, name, MeetingFigures.Of(meetings), PeakConcurrent(meetings, now), new Utilisation(occupied, meetingTime, calendar.Available));
    }

    /// <summary>From start to end; a running meeting until now (never before its own start).</summary>
    private static TimeInterval Span(Meeting meeting, DateTimeOffset now)
    {
        var end = meeting.End ?? now;
        return new TimeInterval(meeting.Start, end > meeting.Start ? end : meeting.Start);
    }

    /// <summary>
    /// The most meetings held at once: meetings in start order, each first releasing those that ended by its
    /// start (a meeting that ends as another starts does not overlap it), then counting itself.
    /// </summary>
    private static int PeakConcurrent(IEnumerable<Meeting> meetings, DateTimeOffset now)
    {
        var ends = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        var peak = 0;
        foreach (var span in meetings.Select(meeting => Span(meeting, now)).OrderBy(span => span.Start))
        {
            while (ends.TryPeek(out _, out var end) && end <= span.Start)
            {
                ends.Dequeue();
            }

            ends.Enqueue(span.End, span.End);
            peak = Math.Max(peak, ends.Count);
        }

        return peak;
    }

    private static OccupancyHeatmap Heatmap(string? hostId, IEnumerable<Meeting> meetings, TimeInterval counted, DateTimeOffset now, UpstreamZone zone)
    {
        var cells = new TimeSpan[7, 24];
        foreach (var meeting in meetings)
        {
            var span = Span(meeting, now).Intersect(counted);
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
            [.. MondayFirst.Select(day => new HeatmapDay(day, [.. Enumerable.Range(0, 24).Select(hour => cells[(int)day, hour])]))]);
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

    private static TimeSpan Sum(IEnumerable<TimeSpan> times) => times.Aggregate(TimeSpan.Zero, static (sum, time) => sum + time);
}
