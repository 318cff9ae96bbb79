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

    /// <summary>A meeting by its start and end alone (null while it runs).</summary>
    public void Add(DateTimeOffset start, DateTimeOffset? end) => _meetings.Add((start, end));

    /// <summary>
    /// The most meetings held at once: meetings in start order, each first releasing those that ended by its
    /// start (a meeting that ends as another starts does not overlap it), then counting itself. Meetings that start
    /// together are taken longest first, so the count of the last of them (a meeting of no length among them too)
    /// is what the same count over every pair gives, whatever order the meetings came in.
    /// </summary>
    public int PeakConcurrent(UsageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var spans = Spans(frame);
        Array.Sort(spans, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var ends = new PriorityQueue<long, long>(spans.Length);
        var peak = 0;
        foreach (var (start, end) in spans)
        {
            while (ends.TryPeek(out _, out var ended) && ended <= start)
            {
                ends.Dequeue();
            }

            ends.Enqueue(end, end);
            peak = Math.Max(peak, ends.Count);
        }

        return peak;
    }

    /// <summary>Meeting time inside business hours, within the counted part of the period, against the business time available.</summary>
    public Utilisation Utilisation(UsageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var (countedStart, countedEnd) = (frame.Counted.Start.UtcTicks, frame.Counted.End.UtcTicks);
        var spans = Spans(frame);
        var calendar = frame.Calendar;
        var meetingTime = TimeSpan.Zero;
        var inside = 0;
        for (var i = 0; i < spans.Length; i++)
        {
            var (start, end) = (Math.Max(spans[i].Start, countedStart), Math.Min(spans[i].End, countedEnd));
            if (end > start)
            {
                meetingTime += calendar.Within(Interval(start, end));
                spans[inside++] = (start, end);
            }
        }

        // The union of the spans: in start order, each one that starts after the stretch so far ends begins a new one.
        Array.Sort(spans, 0, inside, Comparer<(long Start, long End)>.Create(static (a, b) => a.Start.CompareTo(b.Start)));
        var occupied = TimeSpan.Zero;
        for (var i = 0; i < inside;)
        {
            var (start, end) = spans[i++];
            while (i < inside && spans[i].Start <= end)
            {
                end = Math.Max(end, spans[i++].End);
            }

            occupied += calendar.Within(Interval(start, end));
        }

        return new Utilisation(occupied, meetingTime, calendar.Available);
    }

    /// <summary>Each meeting's span (<see cref="UsageFrame.Span"/>) as UTC ticks.</summary>
    private (long Start, long End)[] Spans(UsageFrame frame)
    {
        var now = frame.Now.UtcTicks;
        var spans = new (long Start, long End)[_meetings.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            var start = _meetings[i].Start.UtcTicks;
            var until = _meetings[i].End?.UtcTicks ?? now;
            spans[i] = (start, until > start ? until : start);
        }

        return spans;
    }

    private static TimeInterval Interval(long startUtcTicks, long endUtcTicks) =>
        new(new DateTimeOffset(startUtcTicks, TimeSpan.Zero), new DateTimeOffset(endUtcTicks, TimeSpan.Zero));
}
