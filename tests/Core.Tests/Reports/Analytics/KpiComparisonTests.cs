using System.Globalization;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

public sealed class KpiComparisonTests
{
    [Theory]
    [InlineData("2026-09-01", "2026-11-30", "2026-06-01", "2026-08-31", 3)]
    [InlineData("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28", 1)]
    [InlineData("2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31", 12)]
    public void A_period_of_whole_months_is_compared_with_as_many_whole_months_before_it(string from, string to, string previousFrom, string previousTo, int months)
    {
        var compared = ComparedPeriod.Before(new DatePeriod(Day(from), Day(to)));

        Assert.Equal(new DatePeriod(Day(previousFrom), Day(previousTo)), compared.Previous);
        Assert.Equal(months, compared.Months);
        Assert.True(compared.WholeMonths);
    }

    [Theory]
    [InlineData("2026-11-10", "2026-11-20", "2026-10-30", "2026-11-09")]
    [InlineData("2026-03-01", "2026-03-30", "2026-01-30", "2026-02-28")]
    [InlineData("2026-11-30", "2026-11-30", "2026-11-29", "2026-11-29")]
    public void Any_other_period_is_compared_with_as_many_days_just_before_it(string from, string to, string previousFrom, string previousTo)
    {
        var current = new DatePeriod(Day(from), Day(to));

        var compared = ComparedPeriod.Before(current);

        Assert.Equal(new DatePeriod(Day(previousFrom), Day(previousTo)), compared.Previous);
        Assert.Equal(current.Days, compared.Previous.Days);
        Assert.False(compared.WholeMonths);
    }

    [Theory]
    [InlineData("2026-09-01", "2026-11-30", true)]
    [InlineData("2026-09-16", "2026-12-15", true)]
    [InlineData("2026-09-17", "2026-12-15", false)]
    [InlineData("2026-11-01", "2026-11-30", false)]
    public void A_month_by_month_series_is_for_periods_of_three_months_or_more(string from, string to, bool covered) =>
        Assert.Equal(covered, MonthlySeries.Covers(new DatePeriod(Day(from), Day(to))));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void A_change_from_zero_has_a_difference_but_no_percentage()
    {
        var change = new KpiChange(KpiKind.Count, 12, 0);

        Assert.Equal((12m, (decimal?)null, 1), (change.Difference, change.Relative, change.Direction));
    }

    [Fact]
    public void A_fall_is_negative_with_its_share_of_the_previous_value()
    {
        var change = new KpiChange(KpiKind.Yuan, 7.50m, 10.00m);

        Assert.Equal((-2.50m, (decimal?)-0.25m, -1), (change.Difference, change.Relative, change.Direction));
    }

    [Fact]
    public void Compares_every_kpi_and_the_overflow_share_in_points_when_the_previous_period_is_there()
    {
        var current = new MeetingFigures(10, 0, 300, 280, 40, 35, 20, 2, 4, 30, 1.80m);
        var previous = new MeetingFigures(8, 0, 240, 250, 40, 30, 25, 0, 0, 0, 0m);
        var period = ComparedPeriod.Before(new DatePeriod(new(2026, 11, 1), new(2026, 11, 30)));
        var found = new PreviousPeriod(period, new AnalyticsFilter(period.Previous), ComparisonState.Compared, null);

        var comparison = new KpiComparison(found, current, previous);

        Assert.Equal(2, comparison.Meetings!.Difference);
        Assert.Equal(0.25m, comparison.Meetings.Relative);
        Assert.Equal(0, comparison.ParticipantRows!.Direction);
        Assert.Equal(-1, comparison.DistinctNames!.Direction);
        Assert.Null(comparison.CallCost!.Relative);
        Assert.Equal((0.2m, (decimal?)null), (comparison.OverflowShare!.Difference, comparison.OverflowShare.Relative));
    }

    [Fact]
    public void Shows_no_change_at_all_without_the_previous_periods_figures()
    {
        var period = ComparedPeriod.Before(new DatePeriod(new(2026, 11, 1), new(2026, 11, 30)));
        var found = new PreviousPeriod(period, new AnalyticsFilter(period.Previous), ComparisonState.PreviousNotHeld, null);

        var comparison = new KpiComparison(found, MeetingFigures.None with { Meetings = 3 }, null);

        Assert.Null(comparison.Meetings);
        Assert.Null(comparison.OverflowShare);
    }
}
