using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Health;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Health;

/// <summary>/healthz/ready: the meeting service answers one cheap call, and probers cannot turn that into a flood.</summary>
public sealed class UpstreamReadinessTests
{
    /// <summary>15:00 on the simulator's "today" in Shanghai.</summary>
    private static readonly DateTimeOffset SimulatorNow = new(2025, 6, 15, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Is_ready_when_the_meeting_service_answers_a_small_first_page_of_today()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(SimulatorNow));

        var result = await core.Get<IUpstreamReadiness>().CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsHealthy, result.Reason);
        Assert.Matches("^the meeting service answered in [0-9]+ ms$", result.Reason);
        Assert.Equal(SimulatorNow, result.CheckedAt);
        Assert.Equal(TimeSpan.FromHours(8), result.CheckedAt.Offset);
        var request = Assert.Single(sim.Requests.Snapshot());
        Assert.Equal(
            ("/umeeting/share/detail", SharedSimulator.Today, SharedSimulator.Today, 10, 1),
            (request.Path, request.From, request.To, request.PageSize, request.PageNumber));
    }

    [Fact]
    public async Task Asks_the_meeting_service_once_per_cache_duration_however_many_probes_come()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        var clock = new FakeTimeProvider(SimulatorNow);
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?> { ["UMeeting:ReadinessCacheDuration"] = "00:00:15" }, clock: clock);
        var readiness = core.Get<IUpstreamReadiness>();

        var burst = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => readiness.CheckAsync(TestContext.Current.CancellationToken)));
        clock.Advance(TimeSpan.FromSeconds(14));
        var withinLifetime = await readiness.CheckAsync(TestContext.Current.CancellationToken);
        var askedWithinLifetime = sim.Requests.Count;
        clock.Advance(TimeSpan.FromSeconds(2));
        var afterLifetime = await readiness.CheckAsync(TestContext.Current.CancellationToken);

        Assert.All(burst, result => Assert.True(result.IsHealthy, result.Reason));
        Assert.Equal(SimulatorNow, withinLifetime.CheckedAt);
        Assert.Equal(1, askedWithinLifetime);
        Assert.Equal(SimulatorNow.AddSeconds(16), afterLifetime.CheckedAt);
        Assert.Equal(2, sim.Requests.Count);
    }

    [Fact]
    public async Task Is_not_ready_when_the_meeting_service_fails_and_keeps_that_answer_as_long()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError));
        var clock = new FakeTimeProvider(SimulatorNow);
        await using var core = CoreHarness.Create(
            sim.BaseAddress,
            new Dictionary<string, string?> { ["UMeeting:MaxRetryAttempts"] = "1", ["UMeeting:RetryDelay"] = "00:00:00" },
            clock: clock);
        var readiness = core.Get<IUpstreamReadiness>();

        var first = await readiness.CheckAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(10));
        var second = await readiness.CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamReadinessResult(false, "the meeting service did not answer: HTTP 503", SimulatorNow), first);
        Assert.Equal(first, second);
        Assert.Equal(1 + 1, sim.Requests.Count);
    }

    [Fact]
    public async Task Is_not_ready_with_the_services_own_reason_when_it_refuses_the_credentials()
    {
        const string wrongSecret = "not-the-secret-42";
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(
            sim.BaseAddress,
            new Dictionary<string, string?> { ["UMeeting:ApiSecret"] = wrongSecret },
            clock: new FakeTimeProvider(SimulatorNow));

        var result = await core.Get<IUpstreamReadiness>().CheckAsync(TestContext.Current.CancellationToken);

        Assert.False(result.IsHealthy);
        Assert.Matches(@"^the meeting service refused the check: .+ \(status [0-9]+\)$", result.Reason);
        Assert.DoesNotContain(wrongSecret, result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, sim.Requests.Count);
    }

    [Fact]
    public async Task Gives_a_silent_meeting_service_one_attempts_time_and_no_more()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Timeout));
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?>
        {
            ["UMeeting:AttemptTimeout"] = "00:00:01",
            ["UMeeting:TotalTimeout"] = "00:00:30",
        });

        var result = await core.Get<IUpstreamReadiness>().CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal("the meeting service did not answer: timed out after 1 s", result.Reason);
        Assert.False(result.IsHealthy);
    }

    [Fact]
    public async Task Reports_a_paused_meeting_service_without_asking_it()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError));
        await using var core = CoreHarness.Create(
            sim.BaseAddress,
            new Dictionary<string, string?> { ["UMeeting:BreakerMinimumThroughput"] = "2", ["UMeeting:RetryDelay"] = "00:00:00" },
            clock: new FakeTimeProvider(SimulatorNow));
        await core.Reader.GetPageAsync(new MeetingQuery(new DatePeriod(new(2025, 5, 1), new(2025, 5, 1))), 10, 1, TestContext.Current.CancellationToken);
        var asked = sim.Requests.Count;

        var result = await core.Get<IUpstreamReadiness>().CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            "the meeting service did not answer: it is unavailable (it failed repeatedly; last tried at 2025-06-15 15:00:00 UTC+08:00); calls resume after a short pause, at about 15:00:30",
            result.Reason);
        Assert.Equal(asked, sim.Requests.Count);
    }

    [Fact]
    public async Task Registers_a_health_check_under_the_given_tags_that_reports_the_readiness()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(SimulatorNow));
        var services = new ServiceCollection();
        services.AddHealthChecks().AddUpstreamReadiness("ready");
        await using var healthProvider = services.BuildServiceProvider();
        var registration = Assert.Single(healthProvider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);
        var check = registration.Factory(core.Services);

        var healthy = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, TestContext.Current.CancellationToken);

        Assert.Equal(("umeeting-upstream", "ready"), (registration.Name, Assert.Single(registration.Tags)));
        Assert.Equal(HealthStatus.Unhealthy, registration.FailureStatus);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.StartsWith("the meeting service answered in ", healthy.Description, StringComparison.Ordinal);
        Assert.Equal("2025-06-15T15:00:00.0000000+08:00", healthy.Data["checkedAt"]);
    }

    [Fact]
    public async Task Reports_an_unready_meeting_service_as_the_checks_failure_status()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Rejected, Status: 503, Message: "系统维护中"));
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(SimulatorNow));
        var check = ActivatorUtilities.CreateInstance<UpstreamHealthCheck>(core.Services);
        var registration = new HealthCheckRegistration(UpstreamHealthCheck.Name, check, HealthStatus.Degraded, ["ready"]);

        var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("the meeting service refused the check: 系统维护中 (status 503)", result.Description);
    }
}
