using System.Runtime.CompilerServices;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// <see cref="UpstreamZone.Attach"/> and <see cref="ZoneCalendar.WallClockOf"/> for many times at once. After the
/// zone's last adjustment rule (Asia/Shanghai's ended in 1991) its offset is its base offset for good, so a time from
/// then on is attached or converted with that offset, without asking <see cref="TimeZoneInfo"/> (about 0.4 µs an
/// Attach, which a report over 15,000 meetings asks several times each). Any other time, and any time of a zone whose
/// rules run on (daylight saving), is answered by <see cref="UpstreamZone"/> itself: the results are always the same.
/// </summary>
internal sealed class SteadyZone
{
    /// <summary>Days kept clear after the last rule's end date: its transition happens on that day, in its own zone.</summary>
    private const int MarginDays = 3;

    private static readonly ConditionalWeakTable<TimeZoneInfo, StrongBox<DateTime>> SteadyFromByZone = [];

    private readonly UpstreamZone _zone;
    private readonly TimeSpan _offset;

    /// <summary>The first wall-clock time from which the zone keeps its base offset (<see cref="DateTime.MaxValue"/>: never).</summary>
    private readonly DateTime _steadyFrom;

    private SteadyZone(UpstreamZone zone)
    {
        _zone = zone;
        _offset = zone.TimeZone.BaseUtcOffset;
        _steadyFrom = SteadyFromByZone.GetValue(zone.TimeZone, static timeZone => new StrongBox<DateTime>(SteadyFrom(timeZone))).Value;
    }

    public static SteadyZone Of(UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new SteadyZone(zone);
    }

    public UpstreamZone Zone => _zone;

    /// <summary>As <see cref="UpstreamZone.Attach"/>.</summary>
    public DateTimeOffset Attach(DateTime wallClock) =>
        wallClock >= _steadyFrom
            ? new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), _offset)
            : _zone.Attach(wallClock);

    /// <summary>As <see cref="ZoneCalendar.WallClockOf"/>.</summary>
    public DateTime WallClockOf(DateTimeOffset moment)
    {
        var ticks = moment.UtcTicks + _offset.Ticks;
        return ticks >= _steadyFrom.Ticks && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Unspecified)
            : _zone.WallClockOf(moment);
    }

    /// <summary>As <see cref="ZoneCalendar.DayOf"/>.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(WallClockOf(moment));

    private static DateTime SteadyFrom(TimeZoneInfo timeZone)
    {
        var rules = timeZone.GetAdjustmentRules();
        if (rules.Length == 0)
        {
            return DateTime.MinValue;
        }

        var lastEnd = rules.Max(rule => rule.DateEnd);
        return lastEnd >= DateTime.MaxValue.Date.AddDays(-MarginDays)
            ? DateTime.MaxValue
            : lastEnd.Date.AddDays(MarginDays);
    }
}
