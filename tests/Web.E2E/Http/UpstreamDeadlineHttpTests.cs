using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>
/// A meeting service that may hang, under short time-outs: each call gives up after 4 s with its retries, and so must
/// a whole page. The breaker is out of the way, so that only the time-outs decide.
/// </summary>
public sealed class HangingUpstreamServer : MeetingReportsServer
{
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(4);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["UMeeting:AttemptTimeout"] = "00:00:01",
        ["UMeeting:TotalTimeout"] = TotalTimeout.ToString(),
        ["UMeeting:RetryDelay"] = "00:00:00",
        ["UMeeting:BreakerMinimumThroughput"] = "10000",
    };
}

/// <summary>
/// Hostile review: a hung service made a page wait twice UMeeting:TotalTimeout, once for the room names and once
/// more for the data. One page's whole wait on the service is UMeeting:TotalTimeout.
/// </summary>
public sealed class UpstreamDeadlineHttpTests(HangingUpstreamServer server) : IClassFixture<HangingUpstreamServer>, IDisposable
{
    private SimulatorFaults Faults => server.Services.GetRequiredService<SimulatorFaults>();

    [Fact]
    public async Task A_hung_service_makes_a_page_wait_the_total_timeout_once_not_once_per_call()
    {
        // Arrange: every call hangs, the room names' as well as the data's.
        using var session = new HttpSession(server.RootUri);
        await session.SignInAsDemoAdminAsync();
        Faults.Add(new FaultRule(FaultKind.Timeout));
        var clock = Stopwatch.StartNew();

        // Act
        using var response = await session.GetAsync("/meetings?from=2025-05-01&to=2025-05-10");
        var waited = clock.Elapsed;
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert: one total time-out and some slack for a loaded machine, but well short of two.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("The meeting service did not answer for 2025-05-01 – 2025-05-10", Hooks.Text(html, "upstream-failure-reason"), StringComparison.Ordinal);
        Assert.True(waited < HangingUpstreamServer.TotalTimeout * 1.75, $"The page waited {waited.TotalSeconds:0.0} s on a hung service; UMeeting:TotalTimeout is {HangingUpstreamServer.TotalTimeout.TotalSeconds} s.");
    }

    public void Dispose() => Faults.Clear();
}
