using System.Net;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>
/// A test that holds a fake clock still moves the app's "now" and the cache's age by hand, but retries and
/// shutdown keep real time: nothing moves the fake clock while they wait, so on it they would wait forever.
/// </summary>
public sealed class FakeClockResilienceTests
{
    /// <summary>15:00 on the simulator's "today" in Shanghai.</summary>
    private static readonly DateTimeOffset SimulatorNow = new(2025, 6, 15, 7, 0, 0, TimeSpan.Zero);

    private static readonly MeetingQuery May = new(new DatePeriod(new(2025, 5, 1), new(2025, 5, 2)));

    /// <summary>Long enough for a healthy run on a busy machine, far shorter than a wait that never ends.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.TooManyRequests)]
    public async Task Retries_a_passing_failure_after_its_delay_while_the_test_holds_the_clock_still(FaultKind fault)
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(fault, Times: 1));
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(SimulatorNow));

        var result = await core.Reader.GetPageAsync(May, 10, 1, TestContext.Current.CancellationToken)
            .WaitAsync(Patience, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal(2, sim.Requests.Count);
    }

    [Fact]
    public async Task Shuts_down_with_a_call_still_in_flight_while_the_test_holds_the_clock_still()
    {
        var upstream = new HeldUpstream();
        var core = CoreHarness.Create(new Uri("http://upstream.test"), upstream: upstream, clock: new FakeTimeProvider(SimulatorNow));
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var call = core.Reader.GetPageAsync(May, 10, 1, leave.Token);
        await upstream.Asked.WaitAsync(Patience, TimeProvider.System, TestContext.Current.CancellationToken);
        await leave.CancelAsync();

        // The caller has left, but the upstream has not noticed: the call is still in flight when the container goes.
        var shutdown = core.DisposeAsync().AsTask();
        upstream.Release();

        await shutdown.WaitAsync(Patience, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(shutdown.IsCompletedSuccessfully);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience, TimeProvider.System, TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// Holds the first request until released, deaf to cancellation, as a connection slow to notice that the
    /// caller left: the pipeline still counts the call as in flight when the container is disposed.
    /// </summary>
    private sealed class HeldUpstream : HttpMessageHandler
    {
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Asked => _asked.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _asked.TrySetResult();
            await _released.Task.ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
        }
    }
}
