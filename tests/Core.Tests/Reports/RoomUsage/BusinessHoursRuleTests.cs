using UMeetingReports.Core.Reports.RoomUsage;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.RoomUsage;

public sealed class BusinessHoursRuleTests
{
    private static BusinessHoursRule Rule(params DayOfWeek[] days) => new(days, new TimeOnly(9, 0), new TimeOnly(18, 0), "Asia/Shanghai (UTC+08:00)");

    [Fact]
    public void Days_that_follow_one_another_read_as_a_range() =>
        Assert.Equal(
            "Monday–Friday 09:00–18:00, Asia/Shanghai (UTC+08:00)",
            Rule(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday).Describe());

    [Fact]
    public void Days_with_a_gap_are_listed_one_by_one_when_fewer_than_three_follow_one_another()
    {
        var rule = Rule(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Thursday);

        Assert.False(rule.DaysInARow);
        Assert.Equal("Monday, Wednesday, Thursday 09:00–18:00, Asia/Shanghai (UTC+08:00)", rule.Describe());
    }

    [Fact]
    public void Three_days_or_more_in_a_row_read_as_a_range_among_the_others() =>
        Assert.Equal(
            "Monday–Wednesday, Friday, Sunday 09:00–18:00, Asia/Shanghai (UTC+08:00)",
            Rule(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Sunday).Describe());

    [Fact]
    public void The_days_read_in_the_files_language_as_on_the_page() =>
        Assert.Equal(
            "星期一–星期三、星期五",
            BusinessHoursRule.DaysInWords(
                [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Friday],
                System.Globalization.CultureInfo.GetCultureInfo("zh-CN").DateTimeFormat.GetDayName,
                "、"));

    [Fact]
    public void One_day_is_not_a_range() => Assert.False(Rule(DayOfWeek.Saturday).DaysInARow);
}
