using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// The business hours of one period, in the upstream's zone, counted only up to <paramref name="countedUntil"/>:
/// the hours of a day that has not happened yet cannot be used, so they do not lower a room's utilisation.
/// </summary>
internal sealed class BusinessCalendar
{
    private readonly Dictionary<DateOnly, TimeInterval> _intervals = [];
    private readonly UpstreamZone _zone;

    public BusinessCalendar(BusinessHoursOptions options, DatePeriod period, DateTimeOffset countedUntil, UpstreamZone zone)
    {
        _zone = zone;
        var days = options.BusinessDays;
        foreach (var day in period.EachDay().Where(day => days.Contains(day.DayOfWeek)))
        {
            var hours = new TimeInterval(zone.Attach(day.ToDateTime(options.Start)), zone.Attach(day.ToDateTime(options.End)));
            var counted = hours.Intersect(hours with { End = countedUntil });
            if (!counted.IsEmpty)
            {
                _intervals[day] = counted;
            }
        }

        Available = _intervals.Values.Aggregate(TimeSpan.Zero, static (sum, interval) => sum + interval.Length);
    }

    /// <summary>Business time in the period for one room.</summary>
    public TimeSpan Available { get; }

    /// <summary>The part of <paramref name="interval"/> inside business hours, on every day it touches.</summary>
    public TimeSpan Within(TimeInterval interval)
    {
        if (interval.IsEmpty)
        {
            return TimeSpan.Zero;
        }

        var inside = TimeSpan.Zero;
        for (var day = _zone.DayOf(interval.Start); day <= _zone.DayOf(interval.End); day = day.AddDays(1))
        {
            if (_intervals.TryGetValue(day, out var hours))
            {
                inside += interval.Intersect(hours).Length;
            }
        }

        return inside;
    }
}
