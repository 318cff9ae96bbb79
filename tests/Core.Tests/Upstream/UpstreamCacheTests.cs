using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

public sealed class UpstreamCacheTests
{
    /// <summary>15:00 on the simulator's "today" in Shanghai.</summary>
    private static readonly DateTimeOffset SimulatorNow = new(2025, 6, 15, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Answers_a_second_look_at_a_past_period_without_asking_the_upstream_again()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(SimulatorNow));
        var query = new MeetingQuery(new DatePeriod(new(2025, 3, 20), new(2025, 5, 10)));
        var first = await core.Reader.GetPageAsync(query, 30, 2, TestContext.Current.CancellationToken);
        var asked = sim.Requests.Count;

        var second = await core.Reader.GetPageAsync(query, 30, 2, TestContext.Current.CancellationToken);

        Assert.True(asked >= 3);
        Assert.Equal(asked, sim.Requests.Count);
        Assert.Equal(GroundTruth.Lines(first.Value!.Meetings), GroundTruth.Lines(second.Value!.Meetings));
    }

    [Fact]
    public async Task Asks_again_for_a_window_containing_today_once_its_short_lifetime_is_over()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        var clock = new FakeTimeProvider(SimulatorNow);
        await using var core = CoreHarness.Create(
            sim.BaseAddress,
            new Dictionary<string, string?> { ["UMeeting:CurrentWindowCacheDuration"] = "00:01:00" },
            clock: clock);
        var query = new MeetingQuery(new DatePeriod(new(2025, 6, 1), new(2025, 6, 15)));
        await core.Reader.GetPageAsync(query, 30, 1, TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromSeconds(50));
        await core.Reader.GetPageAsync(query, 30, 1, TestContext.Current.CancellationToken);
        var withinLifetime = sim.Requests.Count;
        clock.Advance(TimeSpan.FromSeconds(20));
        await core.Reader.GetPageAsync(query, 30, 1, TestContext.Current.CancellationToken);

        Assert.Equal(1, withinLifetime);
        Assert.Equal(2, sim.Requests.Count);
    }

    [Fact]
    public async Task Never_keeps_a_failure_so_the_next_look_asks_again()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Rejected, Times: 1, Message: "busy"));
        await using var core = CoreHarness.Create(sim.BaseAddress);
        var query = new MeetingQuery(new DatePeriod(new(2025, 5, 1), new(2025, 5, 10)));

        var failed = await core.Reader.GetPageAsync(query, 30, 1, TestContext.Current.CancellationToken);
        var retried = await core.Reader.GetPageAsync(query, 30, 1, TestContext.Current.CancellationToken);

        Assert.False(failed.Succeeded);
        Assert.True(retried.Succeeded, retried.Failure?.Describe());
        Assert.Equal(2, sim.Requests.Count);
    }

    [Theory]
    [InlineData("2025-06-01", "2025-06-15", "12:00:00")] // ended yesterday in Shanghai, though it is still the 15th in UTC
    [InlineData("2025-05-01", "2025-05-31", "12:00:00")]
    [InlineData("2025-06-01", "2025-06-16", "00:01:00")]
    [InlineData("2025-06-16", "2025-06-30", "00:01:00")]
    public async Task Keeps_a_window_long_only_once_it_ended_before_today_in_the_upstreams_zone(string from, string to, string expected)
    {
        // 2025-06-15 17:00 UTC is already 01:00 on the 16th in Shanghai.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 15, 17, 0, 0, TimeSpan.Zero));
        await using var core = CoreHarness.Create(new Uri("http://upstream.test"), clock: clock);
        var window = new DatePeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var lifetime = core.Get<UpstreamPageSource>().CacheLifetime(window);

        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), lifetime);
    }

    [Fact]
    public async Task Keys_the_cache_by_every_parameter_and_the_account_but_never_the_secret()
    {
        await using var core = CoreHarness.Create(new Uri("http://upstream.test"));
        await using var otherAccount = CoreHarness.Create(new Uri("http://upstream.test"), new Dictionary<string, string?> { ["UMeeting:ApiKey"] = "other" });
        await using var otherSecret = CoreHarness.Create(new Uri("http://upstream.test"), new Dictionary<string, string?> { ["UMeeting:ApiSecret"] = "rotated" });
        var source = core.Get<UpstreamPageSource>();
        var window = new DatePeriod(new(2025, 5, 1), new(2025, 5, 31));
        var query = new MeetingQuery(window);
        var key = source.CacheKey(query, window, 30, 1);

        string[] variants =
        [
            source.CacheKey(query with { HostId = "ROOM-A" }, window, 30, 1),
            source.CacheKey(query with { Uuid = "x==" }, window, 30, 1),
            source.CacheKey(query with { ShowParticipants = true }, window, 30, 1),
            source.CacheKey(query with { ShowTelephonyUsage = true }, window, 30, 1),
            source.CacheKey(query, new DatePeriod(window.From, window.To.AddDays(-1)), 30, 1),
            source.CacheKey(query, window, 50, 1),
            source.CacheKey(query, window, 30, 2),
            otherAccount.Get<UpstreamPageSource>().CacheKey(query, window, 30, 1),
        ];

        Assert.Equal(variants.Length + 1, variants.Append(key).Distinct().Count());
        Assert.Equal(key, otherSecret.Get<UpstreamPageSource>().CacheKey(query, window, 30, 1));
        Assert.DoesNotContain(CoreHarness.ApiSecret, key, StringComparison.Ordinal);
    }
}
