using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>A server of its own: the test below makes its simulator refuse every request for May 2025.</summary>
public sealed class MayRefusedServer : MeetingReportsServer;

/// <summary>
/// April and May asked for, May refused by the meeting service: every analytics page says May is missing, with status
/// 502, and shows no figure as if the period were complete.
/// </summary>
public sealed class AnalyticsUpstreamFailureHttpTests(MayRefusedServer server) : IClassFixture<MayRefusedServer>, IAsyncLifetime
{
    private readonly HttpSession _session = new(server.RootUri);

    public async ValueTask InitializeAsync()
    {
        var faults = server.Services.GetRequiredService<SimulatorFaults>();
        faults.Clear();
        faults.Add(new FaultRule(
            FaultKind.Rejected,
            When: request => request.Path == "/umeeting/share/detail" && request.From == new DateOnly(2025, 5, 1),
            Message: "quota exceeded"));
        await _session.SignInAsDemoAdminAsync();
    }

    public ValueTask DisposeAsync()
    {
        _session.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("/meetings?from=2025-04-01&to=2025-05-31")]
    [InlineData("/telephony?from=2025-04-01&to=2025-05-31")]
    [InlineData("/rooms?from=2025-04-01&to=2025-05-31")]
    [InlineData("/rooms?from=2025-04-01&to=2025-05-31&host_id=no-matter-which")]
    public async Task A_refused_month_gives_a_502_that_names_it_and_shows_no_total(string address)
    {
        // Arrange: a room id the account has, where the address asks for one.
        var room = server.Services.GetRequiredService<SimulatorDataset>().Rooms[0].HostId;

        // Act
        var (status, html) = await _session.GetGatheredPageAsync(address.Replace("no-matter-which", room, StringComparison.Ordinal));

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Equal(
            "The meeting service refused the request for 2025-05-01 – 2025-05-31: quota exceeded (status 500).",
            Hooks.Text(html, "upstream-failure-reason"));
        Assert.Equal(1, Hooks.Count(html, "upstream-failure"));
        Assert.DoesNotContain("data-testid=\"kpi-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"total-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"room-row\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-chart=", html, StringComparison.Ordinal);
        Assert.Equal(1, Hooks.Count(html, "filter-form"));
    }
}
