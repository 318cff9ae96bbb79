using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// The business hours of one period, in the upstream's zone, counted only up to <paramref name="countedUntil"/>:
/// the hours of a day that has not happened yet cannot be used, so they do not lower a room's utilisation.
/// </summary>
internal sealed class BusinessCalendar
{
    /// <summary>Each business day's counted hours as UTC ticks, in time order, and the business time before each.</summary>
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _before;

    public BusinessCalendar(BusinessHoursOptions options, DatePeriod period, DateTimeOffset countedUntil, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(options);
        var steady = SteadyZone.Of(zone);
        var days = options.BusinessDays;
        var intervals = new List<TimeInterval>();
        foreach (var day in period.EachDay().Where(day => days.Contains(day.DayOfWeek)))
        {
            var hours = new TimeInterval(steady.Attach(day.ToDateTime(options.Start)), steady.Attach(day.ToDateTime(options.End)));
            var counted = hours.Intersect(hours with { End = countedUntil });
            if (!counted.IsEmpty)
            {
                intervals.Add(counted);
            }
        }

        // Business hours are one stretch inside a day (the options' validator), so the days' intervals follow one
        // another without overlapping: the business time inside an interval is the time before its end less the time
        // before its start, each found by a binary search.
        intervals.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        _starts = new long[intervals.Count];
        _ends = new long[intervals.Count];
        _before = new long[intervals.Count + 1];
        for (var i = 0; i < intervals.Count; i++)
        {
            _starts[i] = intervals[i].Start.UtcTicks;
            _ends[i] = intervals[i].End.UtcTicks;
            _before[i + 1] = _before[i] + (_ends[i] - _starts[i]);
        }

        Available = TimeSpan.FromTicks(_before[^1]);
    }

    /// <summary>Business time in the period for one room.</summary>
    public TimeSpan Available { get; }

    /// <summary>The part of <paramref name="interval"/> inside business hours, on every day it touches.</summary>
    public TimeSpan Within(TimeInterval interval) =>
        interval.IsEmpty ? TimeSpan.Zero : TimeSpan.FromTicks(Before(interval.End.UtcTicks) - Before(interval.Start.UtcTicks));

    /// <summary>The business time before the instant <paramref name="utcTicks"/>.</summary>
    private long Before(long utcTicks)
    {
        // The last interval that starts at or before the instant: every one before it counts whole, it counts up to the instant.
        var index = Array.BinarySearch(_starts, utcTicks);
        var last = index >= 0 ? index : ~index - 1;
        return last < 0 ? 0 : _before[last] + Math.Min(utcTicks - _starts[last], _ends[last] - _starts[last]);
    }
}
