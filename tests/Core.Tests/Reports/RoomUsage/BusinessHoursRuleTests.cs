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
    public void Days_with_a_gap_are_listed_one_by_one()
    {
        var rule = Rule(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Thursday);

        Assert.False(rule.DaysInARow);
        Assert.Equal("Monday, Wednesday, Thursday 09:00–18:00, Asia/Shanghai (UTC+08:00)", rule.Describe());
    }

    [Fact]
    public void One_day_is_not_a_range() => Assert.False(Rule(DayOfWeek.Saturday).DaysInARow);
}
