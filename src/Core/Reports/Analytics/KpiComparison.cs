using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// A period and the previous period of the same length, which its KPIs are compared with. A period of whole calendar
/// months (from a 1st to a month's last day) is compared with as many whole months just before it
/// (2026-09-01..2026-11-30 with 2026-06-01..2026-08-31, whatever the months' days); any other period with as many days
/// just before it (2026-11-10..2026-11-20 with 2026-10-30..2026-11-09). <see cref="Months"/> is the number of months
/// in the first case and 0 in the second.
/// </summary>
public sealed record ComparedPeriod(DatePeriod Current, DatePeriod Previous, int Months)
{
    public bool WholeMonths => Months > 0;

    public int Days => Current.Days;

    public static ComparedPeriod Before(DatePeriod period)
    {
        var lastOfMonth = new DateOnly(period.To.Year, period.To.Month, DateTime.DaysInMonth(period.To.Year, period.To.Month));
        if (period.From.Day == 1 && period.To == lastOfMonth)
        {
            var months = period.MonthsTouched;
            return new ComparedPeriod(period, new DatePeriod(period.From.AddMonths(-months), period.From.AddDays(-1)), months);
        }

        return new ComparedPeriod(period, new DatePeriod(period.From.AddDays(-period.Days), period.From.AddDays(-1)), 0);
    }
}

/// <summary>Whether a period's KPIs can be compared with the previous period's.</summary>
public enum ComparisonState
{
    /// <summary>The previous period's months are in the archive: the KPIs are compared.</summary>
    Compared,

    /// <summary>The period has not ended (it reaches today or later): its figures are still growing.</summary>
    PeriodNotOver,

    /// <summary>
    /// The period has ended, but meetings of it are still running (one begun yesterday evening, after midnight): their
    /// minutes are not in its figures yet, so they are still growing.
    /// </summary>
    MeetingsRunning,

    /// <summary>A month of the previous period has no copy in the archive, and a comparison never reads the service.</summary>
    PreviousNotHeld,
}

/// <summary>
/// The previous period of a KPI filter: the same room, the period before (<see cref="ComparedPeriod"/>), and whether
/// the archive holds its months (<see cref="Months"/>, null when it does not or when there is nothing to compare).
/// </summary>
public sealed record PreviousPeriod(ComparedPeriod Periods, AnalyticsFilter Filter, ComparisonState State, ArchivedPeriod? Months);

/// <summary>How a KPI's change reads: a count, yuan, or a share (compared in percentage points, never as a percentage).</summary>
public enum KpiKind
{
    Count,
    Yuan,
    Share,
}

/// <summary>
/// One KPI of the period against the previous period: the difference, and the relative change when the previous value
/// is not 0 (a change from nothing has no percentage) and the KPI is not itself a share.
/// </summary>
public sealed record KpiChange(KpiKind Kind, decimal Current, decimal Previous)
{
    public decimal Difference => Current - Previous;

    /// <summary>Difference ÷ previous (0.25 is 25 % more); null from 0 and for shares.</summary>
    public decimal? Relative => Previous == 0 || Kind == KpiKind.Share ? null : Difference / Previous;

    /// <summary>1 up, -1 down, 0 unchanged.</summary>
    public int Direction => Math.Sign(Difference);
}

/// <summary>
/// The KPIs of /meetings against the previous period's: each KPI's change when <see cref="PreviousPeriod.State"/> is
/// <see cref="ComparisonState.Compared"/>, else none (the page says why).
/// </summary>
public sealed record KpiComparison(PreviousPeriod Previous, MeetingFigures Current, MeetingFigures? PreviousFigures)
{
    public KpiChange? Meetings => Change(KpiKind.Count, figures => figures.Meetings);

    public KpiChange? ActualMinutes => Change(KpiKind.Count, figures => figures.ActualMinutes);

    public KpiChange? ScheduledMinutes => Change(KpiKind.Count, figures => figures.ScheduledMinutes);

    public KpiChange? ParticipantRows => Change(KpiKind.Count, figures => figures.ParticipantRows);

    public KpiChange? DistinctNames => Change(KpiKind.Count, figures => figures.DistinctNames);

    public KpiChange? Calls => Change(KpiKind.Count, figures => figures.Calls);

    public KpiChange? CallMinutes => Change(KpiKind.Count, figures => figures.CallMinutes);

    public KpiChange? CallCost => Change(KpiKind.Yuan, figures => figures.CallCost);

    public KpiChange? OverflowMeetings => Change(KpiKind.Count, figures => figures.OverflowMeetings);

    /// <summary>The overflow share's change in points; none when either period had no meeting (no share to compare).</summary>
    public KpiChange? OverflowShare =>
        PreviousFigures?.OverflowShare.Ratio is { } before && Current.OverflowShare.Ratio is { } now ? new KpiChange(KpiKind.Share, now, before) : null;

    private KpiChange? Change(KpiKind kind, Func<MeetingFigures, decimal> measure) =>
        PreviousFigures is { } previous ? new KpiChange(kind, measure(Current), measure(previous)) : null;
}

/// <summary>The previous period of a KPI filter, read from the archive only: never a read of the service.</summary>
public interface IKpiComparisonService
{
    /// <summary>
    /// The previous period of <paramref name="current"/>'s filter and whether the archive holds it (asks the archive's
    /// bookkeeping, nothing else); no comparison while the current period's figures can still grow.
    /// </summary>
    Task<PreviousPeriod> FindAsync(PeriodKpis current, CancellationToken cancellationToken);

    /// <summary>The KPIs of a previous period the archive holds (<see cref="PreviousPeriod.Months"/> not null).</summary>
    Task<PeriodKpis> CountAsync(PreviousPeriod previous, CancellationToken cancellationToken);
}
