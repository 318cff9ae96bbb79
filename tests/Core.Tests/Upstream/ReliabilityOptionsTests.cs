using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>The rate limit, circuit breaker and readiness settings fail the app at start with a sentence naming them.</summary>
public sealed class ReliabilityOptionsTests
{
    [Theory]
    [InlineData("UMeeting:RequestsPerSecond", "0", "UMeeting:RequestsPerSecond must be between 1 and 1000: it is how many calls a second this instance may make to the meeting service, and 0 would stop them all.")]
    [InlineData("UMeeting:RequestsPerSecond", "-3", "UMeeting:RequestsPerSecond must be between 1 and 1000")]
    [InlineData("UMeeting:BreakerMinimumThroughput", "1", "UMeeting:BreakerMinimumThroughput must be between 2 and 10000")]
    [InlineData("UMeeting:BreakerBreakDuration", "00:00:00", "UMeeting:BreakerBreakDuration must be between 00:00:01 and 01:00:00")]
    [InlineData("UMeeting:ReadinessCacheDuration", "00:00:00", "UMeeting:ReadinessCacheDuration must be between 00:00:01 and 00:10:00")]
    public async Task Stops_the_app_at_start_naming_the_wrong_setting(string setting, string value, string expected)
    {
        using var host = ConfiguredHost.Build(new Dictionary<string, string?> { [setting] = value });

        var failures = await ConfiguredHost.StartFailuresAsync(host);

        Assert.All(failures, failure => Assert.Contains(expected, failure, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_a_rate_so_low_that_calls_would_spend_their_time_out_waiting_for_a_turn()
    {
        using var host = ConfiguredHost.Build(new Dictionary<string, string?> { ["UMeeting:RequestsPerSecond"] = "1", ["UMeeting:MaxConcurrency"] = "8" });

        var failures = await ConfiguredHost.StartFailuresAsync(host);

        Assert.All(failures, failure => Assert.Contains(
            "UMeeting:RequestsPerSecond (1) is too low for UMeeting:MaxConcurrency (8): a call may wait 8 s for its turn, which must stay under half of UMeeting:AttemptTimeout (00:00:10)",
            failure,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starts_with_the_defaults_and_with_a_slow_rate_the_time_outs_allow()
    {
        using var defaults = ConfiguredHost.Build(new Dictionary<string, string?>());
        using var slow = ConfiguredHost.Build(new Dictionary<string, string?> { ["UMeeting:RequestsPerSecond"] = "1", ["UMeeting:MaxConcurrency"] = "4" });

        await defaults.StartAsync(TestContext.Current.CancellationToken);
        await slow.StartAsync(TestContext.Current.CancellationToken);

        var settings = defaults.Services.GetRequiredService<IOptions<UMeetingOptions>>().Value;
        Assert.Equal((10, 20, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15)), (settings.RequestsPerSecond, settings.BreakerMinimumThroughput, settings.BreakerBreakDuration, settings.ReadinessCacheDuration));
        await defaults.StopAsync(TestContext.Current.CancellationToken);
        await slow.StopAsync(TestContext.Current.CancellationToken);
    }
}
