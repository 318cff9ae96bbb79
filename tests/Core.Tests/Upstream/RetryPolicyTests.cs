using System.Globalization;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>
/// Retries only where asking again can help (HTTP 5xx, 408, 429, time-outs, broken connections); an answer that
/// came back but is wrong is the same answer next time, so it is asked once. Counted at the upstream.
/// </summary>
public sealed class RetryPolicyTests
{
    private const int Retries = 2;

    /// <summary>Five days in one month: one request a try, and long enough for a cut-short echo to be a shorter period.</summary>
    private static readonly DatePeriod Days = new(new(2025, 5, 5), new(2025, 5, 9));

    private static readonly Dictionary<string, string?> TwoQuickRetries = new()
    {
        ["UMeeting:MaxRetryAttempts"] = Retries.ToString(CultureInfo.InvariantCulture),
        ["UMeeting:RetryDelay"] = "00:00:00",
    };

    [Theory]
    [InlineData(FaultKind.Rejected, UpstreamFailureKind.Rejected)]
    [InlineData(FaultKind.MalformedJson, UpstreamFailureKind.Unreachable)]
    [InlineData(FaultKind.CutShortEcho, UpstreamFailureKind.PeriodCutShort)]
    [InlineData(FaultKind.EmptyPage, UpstreamFailureKind.Unreachable)]
    public async Task Asks_only_once_when_the_upstream_answered_but_the_answer_is_wrong(FaultKind fault, UpstreamFailureKind expected)
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(fault));
        await using var core = CoreHarness.Create(sim.BaseAddress, TwoQuickRetries);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(Days), 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Failure?.Kind);
        Assert.Equal(1, sim.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task Asks_again_after_an_http_error_that_may_pass(int status)
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError, Status: status));
        await using var core = CoreHarness.Create(sim.BaseAddress, TwoQuickRetries);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(Days), 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamUnreachable(Days, new UnreachableReason(UnreachableCause.HttpStatus, $"{status}")), result.Failure);
        Assert.Equal(1 + Retries, sim.Requests.Count);
    }

    [Fact]
    public async Task Asks_again_after_too_many_requests_as_soon_as_retry_after_allows()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.TooManyRequests, RetryAfterSeconds: 0));
        await using var core = CoreHarness.Create(sim.BaseAddress, TwoQuickRetries);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(Days), 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamUnreachable(Days, new UnreachableReason(UnreachableCause.TooManyRequests, "0")), result.Failure);
        Assert.Equal(1 + Retries, sim.Requests.Count);
    }

    [Fact]
    public async Task Asks_again_after_an_attempt_that_timed_out_until_the_retries_are_spent()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Timeout));
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?>
        {
            ["UMeeting:AttemptTimeout"] = "00:00:01",
            ["UMeeting:TotalTimeout"] = "00:00:10",
            ["UMeeting:MaxRetryAttempts"] = "1",
            ["UMeeting:RetryDelay"] = "00:00:00",
        });

        var result = await core.Reader.GetPageAsync(new MeetingQuery(Days), 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamUnreachable(Days, new UnreachableReason(UnreachableCause.TimedOutAfter, "1")), result.Failure);
        Assert.Equal(2, sim.Requests.Count);
    }

    [Fact]
    public async Task Asks_again_after_a_connection_that_failed()
    {
        var upstream = new StubUpstream(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (upstream.test:80)"));
        await using var core = CoreHarness.Stubbed(upstream, TwoQuickRetries);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(Days), 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new UpstreamUnreachable(Days, new UnreachableReason(UnreachableCause.ConnectionFailed)), result.Failure);
        Assert.Equal(1 + Retries, upstream.Requests.Count);
    }
}
