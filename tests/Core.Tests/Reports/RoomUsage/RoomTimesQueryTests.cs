using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.RoomUsage;

/// <summary>When the database may count room times on the wall clock: only where the zone's offset stays the same.</summary>
public sealed class RoomTimesQueryTests
{
    [Fact]
    public void Counts_in_the_database_in_the_services_zone_which_has_kept_one_offset_since_1991()
    {
        var zone = new UpstreamZone(GroundTruth.Shanghai, new FakeTimeProvider());

        Assert.True(RoomTimesQuery.Applies(zone, new DatePeriod(new(2024, 1, 1), new(2025, 12, 31))));
    }

    [Theory]
    [InlineData(2025, 3, 30)]
    [InlineData(2025, 6, 15)]
    public void Counts_in_memory_in_a_zone_that_keeps_daylight_saving_time(int year, int month, int day)
    {
        var zone = new UpstreamZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), new FakeTimeProvider());
        var date = new DateOnly(year, month, day);

        Assert.False(RoomTimesQuery.Applies(zone, new DatePeriod(date, date.AddDays(2))));
    }
}
