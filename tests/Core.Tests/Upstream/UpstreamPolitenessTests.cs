using System.Globalization;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>
/// However many users load pages, this instance asks the upstream at most UMeeting:RequestsPerSecond times a
/// second, retries included. The limiter's promise (see <see cref="UpstreamRateLimit"/>): in any span of L seconds
/// at most 2 + L × rate attempts start. The simulator's clock sees them a little later, each after its own trip
/// over loopback; as long as those trips differ by less than one interval (1 / rate), a second of arrivals holds
/// the attempts of less than a second and one interval, which is at most rate + 2.
/// </summary>
public sealed class UpstreamPolitenessTests
{
    [Fact]
    public async Task Keeps_to_the_configured_rate_while_twenty_readers_load_pages_at_once()
    {
        const int perSecond = 5;
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?>
        {
            ["UMeeting:RequestsPerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture),
            // More calls in flight than the rate allows a second: the rate, not the gate, is what holds them back.
            ["UMeeting:MaxConcurrency"] = "8",
        });
        var days = Enumerable.Range(1, 20).Select(day => new MeetingQuery(new DatePeriod(new(2025, 5, day), new(2025, 5, day))));

        var results = await Task.WhenAll(days.Select(query => core.Reader.GetPageAsync(query, 10, 1, TestContext.Current.CancellationToken)));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Failure?.Describe()));
        var arrivals = sim.Requests.Snapshot().Select(request => request.ReceivedAt).ToList();
        Assert.Equal(20, arrivals.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"most in one second: {MostWithinOneSecond(arrivals)}; 20 arrivals over {(arrivals.Max() - arrivals.Min()).TotalSeconds:0.000} s");
        Assert.InRange(MostWithinOneSecond(arrivals), 1, perSecond + 2);
        // 20 attempts need (20 - 2) / 5 = 3.6 s; arrivals may close that by less than one 0.2 s interval.
        Assert.True(arrivals.Max() - arrivals.Min() > TimeSpan.FromSeconds(3.4), $"20 attempts arrived within {(arrivals.Max() - arrivals.Min()).TotalSeconds:0.000} s");
    }

    [Fact]
    public async Task Spaces_the_retries_of_a_failing_call_like_any_other_attempt()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError));
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?>
        {
            ["UMeeting:RequestsPerSecond"] = "2",
            ["UMeeting:RetryDelay"] = "00:00:00",
            ["UMeeting:MaxRetryAttempts"] = "3",
        });

        var result = await core.Reader.GetPageAsync(new MeetingQuery(new DatePeriod(new(2025, 5, 1), new(2025, 5, 1))), 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal("HTTP 503", Assert.IsType<UpstreamUnreachable>(result.Failure).Reason);
        var arrivals = sim.Requests.Snapshot().Select(request => request.ReceivedAt).ToList();
        Assert.Equal(4, arrivals.Count);
        // Four attempts need (4 - 2) / 2 = 1 s at two a second, less one 0.5 s interval for the trip.
        Assert.True(arrivals.Max() - arrivals.Min() > TimeSpan.FromSeconds(0.5), $"the retries arrived within {(arrivals.Max() - arrivals.Min()).TotalSeconds:0.000} s");
    }

    [Fact]
    public async Task Stops_waiting_for_a_turn_as_soon_as_the_caller_gives_up()
    {
        using var limit = new UpstreamRateLimit(Options.Create(new UMeetingOptions { RequestsPerSecond = 1 }));
        await limit.WaitForTurnAsync(TestContext.Current.CancellationToken);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var waiting = limit.WaitForTurnAsync(cancel.Token).AsTask();
        var waitedForTurn = !waiting.IsCompleted;
        await cancel.CancelAsync();

        Assert.True(waitedForTurn, "the second attempt within a second went out without waiting");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Sends_nothing_for_a_page_whose_reader_left_while_it_waited_for_its_turn()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?> { ["UMeeting:RequestsPerSecond"] = "1" });
        await core.Reader.GetPageAsync(new MeetingQuery(new DatePeriod(new(2025, 5, 1), new(2025, 5, 1))), 10, 1, TestContext.Current.CancellationToken);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => core.Reader.GetPageAsync(new MeetingQuery(new DatePeriod(new(2025, 5, 2), new(2025, 5, 2))), 10, 1, cancel.Token));
        // Long enough for the turn the cancelled page would have had.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        Assert.Equal(1, sim.Requests.Count);
    }

    /// <summary>The most arrivals in any closed one-second window.</summary>
    private static int MostWithinOneSecond(IReadOnlyList<DateTimeOffset> arrivals)
    {
        var sorted = arrivals.Order().ToArray();
        var most = 0;
        for (int first = 0, last = 0; first < sorted.Length; first++)
        {
            while (last < sorted.Length && sorted[last] - sorted[first] <= TimeSpan.FromSeconds(1))
            {
                last++;
            }

            most = Math.Max(most, last - first);
        }

        return most;
    }
}
