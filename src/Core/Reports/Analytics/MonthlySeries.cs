using System.Globalization;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// A report's period month by month: calendar months in the upstream's zone, the period's first and last months cut to
/// the days of the period (and the current month to today), each with the figures of its meetings as the KPIs define
/// them. Shown for periods of <see cref="MinimumMonths"/> months or more.
/// </summary>
public sealed record MonthlySeries(AnalyticsFilter Filter, IReadOnlyList<MonthFigures> Months)
{
    public const int MinimumMonths = 3;

    /// <summary>
    /// True when the period is at least three months long: its first day three months on is no later than the day
    /// after it ends (2026-09-01..2026-11-30 is; 2026-09-15..2026-11-30 is not).
    /// </summary>
    public static bool Covers(DatePeriod period) => period.From.AddMonths(MinimumMonths) <= period.To.AddDays(1);

    /// <summary>One measure of every month as a chart's series; the labels are the months' <see cref="MonthFigures.Key"/>.</summary>
    public ChartSeries Chart(string datasetName, Func<MeetingFigures, decimal> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new ChartSeries([.. Months.Select(month => month.Key)], [new ChartDataset(datasetName, [.. Months.Select(month => measure(month.Figures))])]);
    }
}

/// <summary>
/// One month of a <see cref="MonthlySeries"/>: the days of it the series covers (<see cref="Span"/>), partial when that
/// is not the whole calendar month, and the figures of the meetings that started on those days — the KPIs of that span
/// as a period of its own. <see cref="MeetingFigures.DistinctNames"/> is counted only when the series was asked for names
/// (it is 0 otherwise).
/// </summary>
public sealed record MonthFigures(DatePeriod Span, MeetingFigures Figures)
{
    /// <summary>The month as yyyy-MM, the same in every language.</summary>
    public string Key => Span.From.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public bool Partial => Span.From.Day != 1 || Span.To.Day != DateTime.DaysInMonth(Span.To.Year, Span.To.Month);
}

/// <summary>The month-by-month figures of a period, read from the archive only.</summary>
public interface IMonthlySeriesService
{
    /// <summary>
    /// The series of the filter's period, or null when the period is shorter than <see cref="MonthlySeries.MinimumMonths"/>
    /// or the archive does not hold every month of it (the series never makes the archive read the service).
    /// </summary>
    /// <param name="names">Count each month's distinct names too (a pass over the participant rows).</param>
    Task<MonthlySeries?> GetAsync(AnalyticsFilter filter, bool names, CancellationToken cancellationToken);
}
