using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

/// <summary>The shortcut for zones whose offset no longer changes gives what the zone itself gives, for every zone.</summary>
public sealed class SteadyZoneTests
{
    /// <summary>No rule since 1991; daylight saving for good; no daylight saving since 2019; a new base offset in 2016; no rule at all.</summary>
    public static TheoryData<string> Zones => ["Asia/Shanghai", "Europe/Berlin", "America/Sao_Paulo", "Europe/Istanbul", "UTC"];

    [Theory]
    [MemberData(nameof(Zones))]
    public void Attaches_every_quarter_hour_from_1985_to_2035_as_the_zone_does(string id)
    {
        var zone = new UpstreamZone(TimeZoneInfo.FindSystemTimeZoneById(id), TimeProvider.System);
        var steady = SteadyZone.Of(zone);

        for (var wallClock = new DateTime(1985, 1, 1); wallClock < new DateTime(2035, 1, 1); wallClock = wallClock.AddMinutes(15))
        {
            var attached = zone.Attach(wallClock);
            var fast = steady.Attach(wallClock);
            if (fast != attached || fast.Offset != attached.Offset)
            {
                Assert.Fail($"{id} {wallClock:O}: {fast:O} against the zone's {attached:O}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Gives_the_wall_clock_of_every_quarter_hour_from_1985_to_2035_as_the_zone_does(string id)
    {
        var zone = new UpstreamZone(TimeZoneInfo.FindSystemTimeZoneById(id), TimeProvider.System);
        var steady = SteadyZone.Of(zone);

        for (var moment = new DateTimeOffset(1985, 1, 1, 0, 0, 0, TimeSpan.Zero); moment.Year < 2035; moment = moment.AddMinutes(15))
        {
            var wallClock = zone.WallClockOf(moment);
            var fast = steady.WallClockOf(moment);
            if (fast != wallClock || fast.Kind != wallClock.Kind || steady.DayOf(moment) != zone.DayOf(moment))
            {
                Assert.Fail($"{id} {moment:O}: {fast:O} against the zone's {wallClock:O}");
            }
        }
    }
}
