using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// What utilisation is measured against for one period: the part of it that has happened (its end, or "now" when
/// that is earlier), its business hours up to then, and "now", until which a running meeting counts.
/// </summary>
internal sealed record UsageFrame(TimeInterval Counted, BusinessCalendar Calendar, DateTimeOffset Now)
{
    /// <remarks>"Now" is taken to the whole second, as the service's times are: the database counts in whole seconds.</remarks>
    public static UsageFrame For(DatePeriod period, BusinessHoursOptions options, UpstreamZone zone, DateTimeOffset now)
    {
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var whole = new TimeInterval(zone.StartOf(period.From), zone.StartOf(period.To.AddDays(1)));
        var countedUntil = whole.End < now ? whole.End : now;
        return new UsageFrame(whole with { End = countedUntil }, new BusinessCalendar(options, period, countedUntil, zone), now);
    }

    /// <summary>From start to end; a running meeting until now (never before its own start).</summary>
    public TimeInterval Span(DateTimeOffset start, DateTimeOffset? end)
    {
        var until = end ?? Now;
        return new TimeInterval(start, until > start ? until : start);
    }
}

/// <summary>
/// A set of meetings reduced to when each ran: enough for the most held at once and for utilisation, without
/// keeping their participants or calls. The room usage page and the workbook's Rooms sheet both count with it.
/// </summary>
internal sealed class RoomOccupancy
{
    private readonly List<(DateTimeOffset Start, DateTimeOffset? End)> _meetings = [];

    public static RoomOccupancy Of(IEnumerable<Meeting> meetings)
    {
        var occupancy = new RoomOccupancy();
        foreach (var meeting in meetings)
        {
            occupancy.Add(meeting);
        }

        return occupancy;
    }

    /// <summary>Several rooms' meetings together (the whole account's peak counts every room's meetings at once).</summary>
    public static RoomOccupancy Together(IEnumerable<RoomOccupancy> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var together = new RoomOccupancy();
        foreach (var room in rooms)
        {
            together._meetings.AddRange(room._meetings);
        }

        return together;
    }

    public void Add(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        _meetings.Add((meeting.Start, meeting.End));
    }

    /// <summary>
    /// The most meetings held at once: meetings in start order, each first releasing those that ended by its
    /// start (a meeting that ends as another starts does not overlap it), then counting itself.
    /// </summary>
    public int PeakConcurrent(UsageFrame frame)
    {
        var ends = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        var peak = 0;
        foreach (var span in _meetings.Select(meeting => frame.Span(meeting.Start, meeting.End)).OrderBy(span => span.Start))
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

    /// <summary>Meeting time inside business hours, within the counted part of the period, against the business time available.</summary>
    public Utilisation Utilisation(UsageFrame frame)
    {
        var spans = _meetings.Select(meeting => frame.Span(meeting.Start, meeting.End).Intersect(frame.Counted)).ToList();
        var occupied = Sum(TimeInterval.Union(spans).Select(frame.Calendar.Within));
        var meetingTime = Sum(spans.Select(frame.Calendar.Within));
        return new Utilisation(occupied, meetingTime, frame.Calendar.Available);
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> times) => times.Aggregate(TimeSpan.Zero, static (sum, time) => sum + time);
}
