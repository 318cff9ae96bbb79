using System.Diagnostics;
using System.Net;
using System.Text.Json;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Simulator;

/// <summary>Each fault kind, programmed or switched per request, and the request log tests count calls with.</summary>
public sealed class SimulatorFaultTests : IClassFixture<SimulatorFixture>
{
    private static readonly DateOnly OctoberFirst = new(2025, 10, 1);
    private static readonly DateOnly OctoberLast = new(2025, 10, 31);

    private readonly SimulatorFixture _fixture;

    public SimulatorFaultTests(SimulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Simulator.Faults.Clear();
        fixture.Simulator.Requests.Clear();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static UpstreamForm October => UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast);

    [Fact]
    public async Task A_server_error_answers_http_503_for_its_number_of_times_then_the_service_recovers()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.ServerError, Times: 2));

        var first = await _fixture.Client.PostDetailAsync(October, Cancel);
        var second = await _fixture.Client.PostDetailAsync(October, Cancel);
        var third = await _fixture.Client.PostDetailAsync(October, Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.HttpStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.HttpStatus);
        Assert.ThrowsAny<JsonException>(() => first.Root);
        Assert.Equal(HttpStatusCode.OK, third.HttpStatus);
        Assert.Equal(200, third.Status);
    }

    [Fact]
    public async Task Too_many_requests_answers_http_429_with_its_retry_after()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.TooManyRequests, Times: 1, RetryAfterSeconds: 7));

        var answer = await _fixture.Client.PostDetailAsync(October, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(7), answer.RetryAfter);
    }

    [Fact]
    public async Task A_timeout_hangs_until_the_caller_gives_up_and_later_calls_are_answered()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.Timeout, Times: 1));
        using var impatient = new UpstreamTestClient(_fixture.Simulator.BaseAddress, TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostDetailAsync(October, Cancel));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(10));
        Assert.Equal(200, (await _fixture.Client.PostDetailAsync(October, Cancel)).Status);
    }

    [Fact]
    public async Task Latency_delays_the_answer_but_leaves_it_whole()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.Latency, Times: 1, Delay: TimeSpan.FromMilliseconds(400)));
        var clock = Stopwatch.StartNew();

        var answer = await _fixture.Client.PostDetailAsync(October, Cancel);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"Answered after {clock.Elapsed}.");
        Assert.Equal(_fixture.Dataset.MeetingsBetween(OctoberFirst, OctoberLast).Count, answer.Number("total_record"));
    }

    [Fact]
    public async Task Malformed_json_is_an_http_200_json_answer_cut_off_half_way()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.MalformedJson, Times: 1));

        var answer = await _fixture.Client.PostDetailAsync(October, Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal("application/json", answer.MediaType);
        Assert.StartsWith("{\"status\":200", answer.Body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => answer.Root);
    }

    [Fact]
    public async Task A_rejection_answers_http_200_with_its_status_and_message()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.Rejected, Times: 1, Status: 3001, Message: "Account suspended."));

        var answer = await _fixture.Client.PostDetailAsync(October, Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal(3001, answer.Status);
        Assert.Equal("Account suspended.", answer.Message);
    }

    [Fact]
    public async Task A_cut_short_echo_names_a_later_from_and_answers_for_that_shorter_period()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.CutShortEcho, Times: 1));

        var answer = await _fixture.Client.PostDetailAsync(October, Cancel);

        var echoedFrom = DateOnly.ParseExact(answer.Text("from"), "yyyy-M-d");
        Assert.True(echoedFrom > OctoberFirst, $"Echoed from {echoedFrom} is not later than asked.");
        Assert.Equal("2025-10-31", answer.Text("to"));
        Assert.Equal(_fixture.Dataset.MeetingsBetween(echoedFrom, OctoberLast).Count, answer.Number("total_record"));
    }

    [Fact]
    public async Task An_empty_page_keeps_the_real_totals()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.EmptyPage, Times: 1));

        var answer = await _fixture.Client.PostDetailAsync(October, Cancel);

        Assert.Empty(answer.Meetings);
        Assert.Equal(_fixture.Dataset.MeetingsBetween(OctoberFirst, OctoberLast).Count, answer.Number("total_record"));
        Assert.True(answer.Flag("has_next_page"));
    }

    [Fact]
    public async Task A_forgotten_period_is_answered_well_formed_with_no_meetings_and_a_total_of_zero()
    {
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.Forgotten, Times: 1));

        var answer = await _fixture.Client.PostDetailAsync(October, Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Empty(answer.Meetings);
        Assert.Equal(0, answer.Number("total_record"));
        Assert.False(answer.Flag("has_next_page"));
        Assert.Equal("2025-10-31", answer.Text("to"));
    }

    [Fact]
    public async Task A_rule_applies_only_to_the_requests_its_condition_matches()
    {
        var troubled = _fixture.Dataset.Rooms[0].HostId;
        _fixture.Simulator.Faults.Add(new FaultRule(FaultKind.ServerError, When: request => request.HostId == troubled));

        var other = await _fixture.Client.PostDetailAsync(October.Host(_fixture.Dataset.Rooms[1].HostId), Cancel);
        var matching = await _fixture.Client.PostDetailAsync(October.Host(troubled), Cancel);

        Assert.Equal(HttpStatusCode.OK, other.HttpStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, matching.HttpStatus);
    }

    [Fact]
    public async Task The_fault_header_spoils_its_own_request_only()
    {
        var spoilt = await _fixture.Client.PostAsync(UpstreamTestClient.DetailPath, October, Cancel, faultHeader: "TooManyRequests;retry-after=9");
        var next = await _fixture.Client.PostDetailAsync(October, Cancel);
        var unknown = await _fixture.Client.PostAsync(UpstreamTestClient.DetailPath, October, Cancel, faultHeader: "Meltdown");

        Assert.Equal(HttpStatusCode.TooManyRequests, spoilt.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(9), spoilt.RetryAfter);
        Assert.Equal(200, next.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.HttpStatus);
        Assert.Contains("unknown fault kind", unknown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_failure_rate_of_one_answers_every_request_with_503_after_the_configured_latency()
    {
        await using var simulator = await RunningSimulator.StartAsync(options => (options.Today, options.FailureRate, options.LatencyMilliseconds) = (SimulatorFixture.Today, 1.0, 200), Cancel);
        using var client = new UpstreamTestClient(simulator.BaseAddress);
        var clock = Stopwatch.StartNew();

        var answers = new[]
        {
            await client.PostDetailAsync(October, Cancel),
            await client.PostAsync(UpstreamTestClient.RoomsPath, UpstreamForm.WithDemoCredentials(), Cancel),
        };

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.HttpStatus));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"Two answers took only {clock.Elapsed}.");
    }

    [Fact]
    public async Task The_request_log_records_every_call_as_understood_and_never_the_secret()
    {
        var room = _fixture.Dataset.Rooms[2].HostId;

        await _fixture.Client.PostDetailAsync(October.Host(room).Page(50, 3).Set("show_participants", "1"), Cancel);
        await _fixture.Client.PostDetailAsync(October.Set("api_secret", "not-the-secret"), Cancel);
        await _fixture.Client.PostAsync(UpstreamTestClient.RoomsPath, UpstreamForm.WithDemoCredentials(), Cancel);

        var log = _fixture.Simulator.Requests.Snapshot();
        Assert.Equal(3, _fixture.Simulator.Requests.Count);
        Assert.Equal(["/umeeting/share/detail", "/umeeting/share/detail", "/umeeting/share/rooms"], log.Select(request => request.Path));
        Assert.Equal(
            new SimulatorRequest("/umeeting/share/detail", OctoberFirst, OctoberLast, room, null, true, false, 50, 3, log[0].ReceivedAt),
            log[0]);
        Assert.All(log, request =>
        {
            Assert.DoesNotContain("demo-secret", request.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-secret", request.ToString(), StringComparison.Ordinal);
        });

        _fixture.Simulator.Requests.Clear();
        Assert.Equal(0, _fixture.Simulator.Requests.Count);
    }
}
