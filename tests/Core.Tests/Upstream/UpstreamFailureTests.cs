using System.Diagnostics;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>Each way the upstream can misbehave ends in its typed failure, naming the window, never in an exception.</summary>
public sealed class UpstreamFailureTests
{
    private static readonly DatePeriod TwoMonths = new(new(2025, 4, 10), new(2025, 5, 20));
    private static readonly DatePeriod May = new(new(2025, 5, 1), new(2025, 5, 20));

    [Fact]
    public async Task Reports_an_http_error_that_outlasts_the_retries_as_unreachable_with_its_code()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError, When: request => request.From == May.From));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(TwoMonths), 30, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamUnreachable(May, new UnreachableReason(UnreachableCause.HttpStatus, "503")), result.Failure);
        Assert.Equal("The meeting service did not answer for 2025-05-01..2025-05-20: HTTP 503.", result.Failure!.Describe());
        Assert.Equal(1 + 3, sim.Requests.Snapshot().Count(request => request.From == May.From));
    }

    [Fact]
    public async Task Recovers_from_a_single_503_by_retrying()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError, Times: 1));
        await using var core = CoreHarness.Create(sim.BaseAddress);
        var truth = sim.Dataset.MeetingsBetween(May.From, May.To);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(May), 10, 1, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal(GroundTruth.Lines(truth.Take(10)), GroundTruth.Lines(result.Value.Meetings));
        Assert.Equal(2, sim.Requests.Count);
    }

    [Fact]
    public async Task Waits_as_long_as_a_429s_retry_after_asks_before_asking_again()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.TooManyRequests, Times: 1, RetryAfterSeconds: 1));
        await using var core = CoreHarness.Create(sim.BaseAddress);
        var started = Stopwatch.GetTimestamp();

        var result = await core.Reader.GetPageAsync(new MeetingQuery(May), 10, 1, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "the retry came before Retry-After (the configured delay is 10 ms)");
        var requests = sim.Requests.Snapshot();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task Reports_an_upstream_that_does_not_answer_in_time_as_timed_out()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Timeout));
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?>
        {
            ["UMeeting:AttemptTimeout"] = "00:00:01",
            ["UMeeting:TotalTimeout"] = "00:00:02",
        });
        var started = Stopwatch.GetTimestamp();

        var result = await core.Reader.GetPageAsync(new MeetingQuery(May), 10, 1, TestContext.Current.CancellationToken);

        var unreachable = Assert.IsType<UpstreamUnreachable>(result.Failure);
        Assert.Matches("^timed out after [12] s$", unreachable.Reason);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Reports_a_body_that_is_not_json_as_unreachable_without_retrying_it()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.MalformedJson));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(May), 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamUnreachable(May, new UnreachableReason(UnreachableCause.NotJson)), result.Failure);
    }

    [Fact]
    public async Task Shows_the_upstreams_own_message_when_it_refuses()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Rejected, Status: 503, Message: "系统繁忙，请稍后再试", When: request => request.From == May.From));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(TwoMonths), 30, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamRejected(May, 503, "系统繁忙，请稍后再试"), result.Failure);
        Assert.Contains("系统繁忙，请稍后再试", result.Failure!.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_wrong_credentials_with_the_upstreams_message_and_never_the_secret()
    {
        const string wrongSecret = "not-the-secret-42";
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?> { ["UMeeting:ApiSecret"] = wrongSecret });

        var result = await core.Reader.GetPageAsync(new MeetingQuery(May), 10, 1, TestContext.Current.CancellationToken);

        var rejected = Assert.IsType<UpstreamRejected>(result.Failure);
        Assert.NotEqual(200, rejected.Status);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
        Assert.Contains(rejected.Message, rejected.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, rejected.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain(core.Logs.Lines, line => line.Contains(wrongSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_to_show_an_answer_whose_echo_is_a_shorter_period_than_asked()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.CutShortEcho, When: request => request.From == May.From));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(TwoMonths), 30, 1, TestContext.Current.CancellationToken);

        var cut = Assert.IsType<UpstreamPeriodCutShort>(result.Failure);
        Assert.Equal(May, cut.Window);
        Assert.NotEqual(May, cut.Answered);
        Assert.StartsWith("The meeting service cut this period short: asked for 2025-05-01..2025-05-20", cut.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_page_whose_meetings_are_missing_while_its_totals_count_them()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.EmptyPage, When: request => request.From == May.From));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(TwoMonths), 10, 1, TestContext.Current.CancellationToken);

        var unreachable = Assert.IsType<UpstreamUnreachable>(result.Failure);
        Assert.Equal(May, unreachable.Window);
        Assert.StartsWith("page 1 held 0 meetings where its total of", unreachable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_a_slow_answer_that_arrives_within_the_attempt_time_out()
    {
        await using var sim = await SharedSimulator.StartSmallAsync(options => options.LatencyMilliseconds = 300);
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(May), 10, 1, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal(1, sim.Requests.Count);
    }

    [Fact]
    public async Task Stops_an_enumeration_at_the_first_failed_window_naming_it()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Rejected, Message: "busy", When: request => request.From == May.From));
        await using var core = CoreHarness.Create(sim.BaseAddress);
        var read = new List<Meeting>();

        var thrown = await Assert.ThrowsAsync<UpstreamException>(async () =>
        {
            await foreach (var meeting in core.Reader.EnumerateAsync(new MeetingQuery(TwoMonths), null, TestContext.Current.CancellationToken))
            {
                read.Add(meeting);
            }
        });

        Assert.Equal(May, thrown.Failure.Window);
        Assert.Equal(sim.Dataset.MeetingsBetween(TwoMonths.From, new(2025, 4, 30)).Count, read.Count);
    }

    [Fact]
    public async Task Lets_the_callers_cancellation_through_as_cancellation_not_as_a_failure()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Latency, Delay: TimeSpan.FromSeconds(5)));
        await using var core = CoreHarness.Create(sim.BaseAddress);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => core.Reader.GetPageAsync(new MeetingQuery(May), 10, 1, cancel.Token));
    }
}
