using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>A dead upstream turns into a fast, clear "unavailable, last tried at …" instead of a slow wait per page.</summary>
public sealed class CircuitBreakerTests
{
    /// <summary>14:03:12 on the simulator's "today" in Shanghai.</summary>
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 6, 3, 12, TimeSpan.Zero);

    private static readonly MeetingQuery April = new(new DatePeriod(new(2025, 4, 1), new(2025, 4, 20)));
    private static readonly MeetingQuery May = new(new DatePeriod(new(2025, 5, 1), new(2025, 5, 20)));

    /// <summary>
    /// The resilience pipeline runs on the fake clock here, so the breaker stays open until the test moves it on;
    /// retries wait no time, or they would wait for the fake clock too, and every call is awaited before the
    /// harness is disposed, because the pipeline waits for calls still in flight on that clock.
    /// </summary>
    private static CoreHarness Core(RunningSimulator sim, FakeTimeProvider clock) =>
        CoreHarness.Create(
            sim.BaseAddress,
            new Dictionary<string, string?>
            {
                ["UMeeting:BreakerMinimumThroughput"] = "2",
                ["UMeeting:BreakerBreakDuration"] = "00:00:30",
                ["UMeeting:RetryDelay"] = "00:00:00",
            },
            clock: clock,
            resilienceOnClock: true);

    [Fact]
    public async Task Refuses_at_once_without_asking_a_failing_upstream_and_says_when_it_was_last_tried()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError));
        var clock = new FakeTimeProvider(Now);
        await using var core = Core(sim, clock);
        var tripping = await core.Reader.GetPageAsync(April, 10, 1, TestContext.Current.CancellationToken);
        var askedWhileClosed = sim.Requests.Count;
        clock.Advance(TimeSpan.FromSeconds(5));

        var refused = await core.Reader.GetPageAsync(May, 10, 1, TestContext.Current.CancellationToken);

        Assert.IsType<UpstreamUnreachable>(tripping.Failure);
        Assert.Equal(2, askedWhileClosed);
        Assert.Equal(askedWhileClosed, sim.Requests.Count);
        var unreachable = Assert.IsType<UpstreamUnreachable>(refused.Failure);
        Assert.Equal(
            "it is unavailable (it failed repeatedly; last tried at 2025-06-15 14:03:12 UTC+08:00); calls resume after a short pause, at about 14:03:42",
            unreachable.Reason);
        Assert.Equal(
            "The meeting service did not answer for 2025-05-01..2025-05-20: it is unavailable (it failed repeatedly; last tried at 2025-06-15 14:03:12 UTC+08:00); calls resume after a short pause, at about 14:03:42.",
            refused.Failure!.Describe());
    }

    [Fact]
    public async Task Warns_once_when_it_pauses_naming_the_last_attempt_and_its_failure()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError));
        var clock = new FakeTimeProvider(Now);
        await using var core = Core(sim, clock);

        await core.Reader.GetPageAsync(April, 10, 1, TestContext.Current.CancellationToken);
        await core.Reader.GetPageAsync(May, 10, 1, TestContext.Current.CancellationToken);

        var warning = Assert.Single(core.Logs.Lines, line => line.StartsWith($"Warning {typeof(UpstreamStatus).FullName}:", StringComparison.Ordinal));
        Assert.Contains(
            "The meeting service failed repeatedly: calls to it are refused for 00:00:30 (last tried at 2025-06-15 14:03:12 UTC+08:00: HTTP 503)",
            warning,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_every_page_while_open_however_many_are_asked()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError));
        var clock = new FakeTimeProvider(Now);
        await using var core = Core(sim, clock);
        await core.Reader.GetPageAsync(April, 10, 1, TestContext.Current.CancellationToken);
        var asked = sim.Requests.Count;
        var months = Enumerable.Range(1, 12).Select(month => new MeetingQuery(new DatePeriod(new(2024, month, 1), new(2024, month, 28))));

        var results = await Task.WhenAll(months.Select(query => core.Reader.GetPageAsync(query, 10, 1, TestContext.Current.CancellationToken)));

        Assert.All(results, result => Assert.StartsWith("it is unavailable (it failed repeatedly;", Assert.IsType<UpstreamUnreachable>(result.Failure).Reason, StringComparison.Ordinal));
        Assert.Equal(asked, sim.Requests.Count);
    }

    [Fact]
    public async Task Asks_the_upstream_again_once_the_pause_is_over_and_serves_the_answer()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError));
        var clock = new FakeTimeProvider(Now);
        await using var core = Core(sim, clock);
        await core.Reader.GetPageAsync(April, 10, 1, TestContext.Current.CancellationToken);
        sim.Faults.Clear();
        var stillPaused = await core.Reader.GetPageAsync(May, 10, 1, TestContext.Current.CancellationToken);
        var askedDuringPause = sim.Requests.Count;

        clock.Advance(TimeSpan.FromSeconds(31));
        var resumed = await core.Reader.GetPageAsync(May, 10, 1, TestContext.Current.CancellationToken);

        Assert.False(stillPaused.Succeeded);
        Assert.True(resumed.Succeeded, resumed.Failure?.Describe());
        Assert.Equal(GroundTruth.Lines(sim.Dataset.MeetingsBetween(May.Period.From, May.Period.To).Take(10)), GroundTruth.Lines(resumed.Value.Meetings));
        Assert.Equal(askedDuringPause + 1, sim.Requests.Count);
    }

    [Fact]
    public async Task Keeps_asking_an_upstream_whose_failures_stay_below_half_of_the_attempts()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError, When: request => request.From == April.Period.From));
        var clock = new FakeTimeProvider(Now);
        await using var core = CoreHarness.Create(
            sim.BaseAddress,
            new Dictionary<string, string?>
            {
                ["UMeeting:BreakerMinimumThroughput"] = "10",
                ["UMeeting:RetryDelay"] = "00:00:00",
                ["UMeeting:MaxRetryAttempts"] = "1",
            },
            clock: clock);
        var days = Enumerable.Range(1, 8).Select(day => new MeetingQuery(new DatePeriod(new(2025, 5, day), new(2025, 5, day)))).ToList();
        foreach (var query in days)
        {
            Assert.True((await core.Reader.GetPageAsync(query, 10, 1, TestContext.Current.CancellationToken)).Succeeded);
        }

        var failing = await core.Reader.GetPageAsync(April, 10, 1, TestContext.Current.CancellationToken);
        var afterwards = await core.Reader.GetPageAsync(May, 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamUnreachable(April.Period, new UnreachableReason(UnreachableCause.HttpStatus, "503")), failing.Failure);
        Assert.True(afterwards.Succeeded, afterwards.Failure?.Describe());
        Assert.Equal(8 + 2 + 1, sim.Requests.Count);
    }
}
