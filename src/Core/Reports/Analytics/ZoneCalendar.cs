using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>Calendar questions about upstream times, answered in the upstream's zone and never on the server's.</summary>
internal static class ZoneCalendar
{
    /// <summary>The calendar day <paramref name="moment"/> falls on in the upstream's zone.</summary>
    public static DateOnly DayOf(this UpstreamZone zone, DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone.TimeZone).DateTime);

    /// <summary>The wall-clock time of <paramref name="moment"/> in the upstream's zone.</summary>
    public static DateTime WallClockOf(this UpstreamZone zone, DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, zone.TimeZone).DateTime;

    /// <summary>Midnight at the start of <paramref name="day"/> in the upstream's zone.</summary>
    public static DateTimeOffset StartOf(this UpstreamZone zone, DateOnly day) => zone.Attach(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>Every day of the period, first to last.</summary>
    public static IEnumerable<DateOnly> EachDay(this DatePeriod period)
    {
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>
    /// Every day of the period up to <paramref name="today"/>: a day still to come has no meetings yet, which a row of
    /// zeros would present as a day without any.
    /// </summary>
    public static IEnumerable<DateOnly> EachDayUntil(this DatePeriod period, DateOnly today) =>
        period.EachDay().TakeWhile(day => day <= today);
}
