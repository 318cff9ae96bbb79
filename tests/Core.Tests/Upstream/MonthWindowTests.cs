using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

public sealed class MonthWindowTests
{
    [Fact]
    public void Splits_mid_January_to_early_March_into_three_calendar_month_windows()
    {
        var period = new DatePeriod(new(2025, 1, 15), new(2025, 3, 10));

        var windows = period.SplitIntoMonthWindows();

        Assert.Equal(
            [
                new DatePeriod(new(2025, 1, 15), new(2025, 1, 31)),
                new DatePeriod(new(2025, 2, 1), new(2025, 2, 28)),
                new DatePeriod(new(2025, 3, 1), new(2025, 3, 10)),
            ],
            windows);
    }

    [Fact]
    public void Ends_a_leap_year_February_window_on_the_29th()
    {
        var period = new DatePeriod(new(2024, 2, 10), new(2024, 3, 2));

        var windows = period.SplitIntoMonthWindows();

        Assert.Equal(
            [new DatePeriod(new(2024, 2, 10), new(2024, 2, 29)), new DatePeriod(new(2024, 3, 1), new(2024, 3, 2))],
            windows);
    }

    [Fact]
    public void Keeps_a_single_day_as_one_window()
    {
        var day = new DateOnly(2025, 6, 15);

        var windows = new DatePeriod(day, day).SplitIntoMonthWindows();

        Assert.Equal([new DatePeriod(day, day)], windows);
    }

    [Fact]
    public void Splits_a_period_over_new_year_at_the_year_change()
    {
        var period = new DatePeriod(new(2024, 12, 20), new(2025, 1, 5));

        var windows = period.SplitIntoMonthWindows();

        Assert.Equal(
            [new DatePeriod(new(2024, 12, 20), new(2024, 12, 31)), new DatePeriod(new(2025, 1, 1), new(2025, 1, 5))],
            windows);
    }

    [Fact]
    public void Covers_every_day_of_a_long_period_exactly_once_with_windows_inside_one_month()
    {
        var period = new DatePeriod(new(2023, 11, 30), new(2025, 11, 29));

        var windows = period.SplitIntoMonthWindows();

        Assert.Equal(period.MonthsTouched, windows.Count);
        Assert.All(windows, window => Assert.Equal((window.From.Year, window.From.Month), (window.To.Year, window.To.Month)));
        Assert.Equal(period.Days, windows.Sum(window => window.Days));
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(pair.First.To.AddDays(1), pair.Second.From));
    }
}
