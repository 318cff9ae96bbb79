using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// Which period, which room the heatmap and the meetings-per-day chart show (null: all rooms), and the order of the
/// table, which always lists every room. By default the busiest rooms first (utilisation, highest first).
/// </summary>
public sealed record RoomUsageRequest(DatePeriod Period, string? HostId = null, RoomSort Sort = RoomSort.Utilisation, bool Descending = true)
{
    /// <summary>How room names are ordered (the room column, and rooms that tie): the reader's language's order.</summary>
    public TextOrder TextOrder { get; init; } = TextOrder.Invariant;
}

/// <summary>The columns the room table can be sorted by; ties follow by room name, then host id.</summary>
public enum RoomSort
{
    Room,
    Meetings,
    ActualMinutes,
    Participants,
    DistinctNames,
    Overflow,
    PhoneCost,
    Peak,
    Utilisation,
}

/// <summary>
/// How full each room was. Meeting time is taken from start to end, a running meeting to "now" (upstream zone),
/// and only the part inside the period counts. The upstream selects meetings by their start day, so the time
/// of a meeting that started before the period is not in it.
/// </summary>
/// <param name="CountedUntil">The period's end, or "now" when that is earlier: no time after it is counted, neither used nor available.</param>
public sealed record RoomUsageReport(
    RoomUsageRequest Request,
    IReadOnlyList<RoomUsageLine> Rooms,
    RoomUsageTotals Totals,
    OccupancyHeatmap Heatmap,
    ChartSeries MeetingsPerDay,
    BusinessHoursRule BusinessHours,
    DateTimeOffset CountedUntil,
    bool RoomNamesKnown);

/// <summary>
/// One room. <see cref="PeakConcurrentMeetings"/> is the most meetings the room held at once (above one only
/// through overflow meetings); a meeting that ends as another starts does not overlap it.
/// </summary>
public sealed record RoomUsageLine(string HostId, string RoomName, MeetingFigures Figures, int PeakConcurrentMeetings, Utilisation Utilisation);

/// <summary>
/// Every room together. <see cref="MeetingFigures.DistinctNames"/> counts a person once across all rooms, so it is
/// not the sum of the rooms' lines; <see cref="PeakConcurrentMeetings"/> is the most meetings held at once in the
/// whole account (the licences it needed); <see cref="Utilisation"/> sums the rooms' times.
/// </summary>
public sealed record RoomUsageTotals(MeetingFigures Figures, int PeakConcurrentMeetings, Utilisation Utilisation);

/// <summary>
/// Meeting time inside business hours against the business time available. <see cref="Occupied"/> counts time
/// when the room held at least one meeting (overlapping overflow meetings count once), which is what "how full is
/// the room" means and never exceeds 100 %; <see cref="MeetingTime"/> adds every meeting's own time, overlaps
/// counted again, and may exceed <see cref="Available"/> when overflow meetings ran side by side.
/// </summary>
public sealed record Utilisation(TimeSpan Occupied, TimeSpan MeetingTime, TimeSpan Available)
{
    public static Utilisation None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Several rooms together: their times added up.</summary>
    public static Utilisation Sum(IEnumerable<Utilisation> rooms) =>
        (rooms ?? throw new ArgumentNullException(nameof(rooms))).Aggregate(
            None,
            static (sum, room) => new Utilisation(sum.Occupied + room.Occupied, sum.MeetingTime + room.MeetingTime, sum.Available + room.Available));

    /// <summary>Occupied ÷ available (0.42 is 42 %); null when no business time was available.</summary>
    public decimal? Ratio => Of(Occupied);

    /// <summary>Meeting time ÷ available; may exceed 1 with overflow.</summary>
    public decimal? MeetingTimeRatio => Of(MeetingTime);

    private decimal? Of(TimeSpan used) => Available <= TimeSpan.Zero ? null : (decimal)used.Ticks / Available.Ticks;
}

/// <summary>The business hours the utilisation was measured against, for the page to state.</summary>
public sealed record BusinessHoursRule(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End, string ZoneLabel)
{
    internal static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    internal static BusinessHoursRule Of(BusinessHoursOptions options, UpstreamZone zone)
    {
        var days = options.BusinessDays;
        return new BusinessHoursRule([.. MondayFirst.Where(days.Contains)], options.Start, options.End, zone.Describe());
    }

    /// <summary>True when the days follow one another (Monday to Friday), so they read as one range, "Monday–Friday".</summary>
    public bool DaysInARow => DayRuns(Days) is [var only] && only.First != only.Last;

    /// <summary>
    /// The days as people say them, Monday first: three or more in a row as one range (Monday–Wednesday), the others
    /// one by one (First equals Last). Monday, Tuesday, Wednesday, Friday, Sunday: Monday–Wednesday, Friday, Sunday.
    /// </summary>
    public static IReadOnlyList<(DayOfWeek First, DayOfWeek Last)> DayRuns(IReadOnlyList<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var positions = days.Select(day => Array.IndexOf(MondayFirst, day)).Distinct().Order().ToList();
        var runs = new List<(DayOfWeek, DayOfWeek)>();
        for (var start = 0; start < positions.Count;)
        {
            var end = start;
            while (end + 1 < positions.Count && positions[end + 1] == positions[end] + 1)
            {
                end++;
            }

            if (end - start >= 2)
            {
                runs.Add((MondayFirst[positions[start]], MondayFirst[positions[end]]));
            }
            else
            {
                runs.AddRange(positions[start..(end + 1)].Select(position => (MondayFirst[position], MondayFirst[position])));
            }

            start = end + 1;
        }

        return runs;
    }

    /// <summary>The days in words, <paramref name="name"/> naming each and <paramref name="separator"/> between entries.</summary>
    public static string DaysInWords(IReadOnlyList<DayOfWeek> days, Func<DayOfWeek, string> name, string separator)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(separator, DayRuns(days).Select(run => run.First == run.Last ? name(run.First) : $"{name(run.First)}–{name(run.Last)}"));
    }

    /// <summary>For a file: <c>Monday–Friday 09:00–18:00, Asia/Shanghai (UTC+08:00)</c>, runs of three days or more as ranges.</summary>
    public string Describe()
    {
        var days = DaysInWords(Days, day => day.ToString(), ", ");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{days} {Start:HH:mm}–{End:HH:mm}, {ZoneLabel}");
    }
}

/// <summary>
/// Meeting time in each weekday × hour cell of the period (upstream zone), for one room or all: every meeting's
/// time counts, overlaps included. <see cref="Days"/> runs Monday to Sunday, each with 24 hours.
/// </summary>
public sealed record OccupancyHeatmap(string? HostId, IReadOnlyList<HeatmapDay> Days)
{
    public TimeSpan Total => Days.Aggregate(TimeSpan.Zero, static (sum, day) => sum + day.Total);

    /// <summary>
    /// For the chart: labels "00".."23", a dataset per weekday named by its English name (the page localizes),
    /// values in minutes rounded to one decimal. The exact times are in <see cref="Days"/>.
    /// </summary>
    public ChartSeries ToSeries() => new(
        [.. Enumerable.Range(0, 24).Select(hour => hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture))],
        [.. Days.Select(day => new ChartDataset(day.Day.ToString(), [.. day.Hours.Select(time => Math.Round((decimal)time.Ticks / TimeSpan.TicksPerMinute, 1))]))]);
}

public sealed record HeatmapDay(DayOfWeek Day, IReadOnlyList<TimeSpan> Hours)
{
    public TimeSpan Total => Hours.Aggregate(TimeSpan.Zero, static (sum, hour) => sum + hour);
}
