using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>
/// The progress poll behind a slow first read (June 2024, whose full pages the simulator delays by 8 s here): the
/// page answers 202 with a progress bar at once, its status address follows the gathering for its owner only (anyone
/// else learns what the archive shows of the period, its months in), and the figures follow.
/// </summary>
[Collection(ConfiguredAccounts.Name)]
public sealed class GatheringStatusHttpTests(AccountsServer server) : IAsyncLifetime
{
    private const string Address = "/telephony?from=2024-06-01&to=2024-06-30";

    private readonly HttpSession _admin = new(server.RootUri);
    private readonly HttpSession _viewer = new(server.RootUri);
    private readonly HttpSession _anonymous = new(server.RootUri);

    public async ValueTask InitializeAsync()
    {
        server.Services.GetRequiredService<SimulatorFaults>().Add(new FaultRule(
            FaultKind.Latency,
            When: request => request.From == new DateOnly(2024, 6, 1) && request.To == new DateOnly(2024, 6, 30) && request.PageSize == 300,
            Delay: TimeSpan.FromSeconds(8)));
        await _admin.SignInAsDemoAdminAsync();
        await _viewer.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);
    }

    public ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _viewer.Dispose();
        _anonymous.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_slow_first_read_answers_at_once_with_progress_that_only_its_owner_can_follow_page_by_page_and_then_the_figures()
    {
        // Act
        var (status, shell) = await _admin.GetPageAsync(Address);
        var statusUrl = GatheredPages.StatusUrl(shell)!;
        using var owners = await _admin.GetAsync(statusUrl);
        using var viewers = await _viewer.GetAsync(statusUrl);
        using var anonymous = await _anonymous.GetAsync(statusUrl);
        using var progress = JsonDocument.Parse(await owners.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var archived = JsonDocument.Parse(await viewers.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var (finalStatus, figures) = await _admin.GetGatheredPageAsync(Address);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, Hooks.Count(shell, "gather-progress"));
        Assert.Null(Hooks.Value(shell, "kpi-cost"));
        Assert.Equal((HttpStatusCode.OK, "no-store"), (owners.StatusCode, owners.Headers.CacheControl?.ToString()));
        Assert.Equal((1, false), (progress.RootElement.GetProperty("windowsTotal").GetInt32(), progress.RootElement.GetProperty("done").GetBoolean()));
        Assert.Equal(JsonValueKind.Number, progress.RootElement.GetProperty("pagesTotal").ValueKind);
        Assert.Equal(HttpStatusCode.OK, viewers.StatusCode);
        Assert.Equal((0, 1, false), (archived.RootElement.GetProperty("windowsDone").GetInt32(), archived.RootElement.GetProperty("windowsTotal").GetInt32(), archived.RootElement.GetProperty("done").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, archived.RootElement.GetProperty("pagesTotal").ValueKind);
        Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location?.OriginalString.Replace(server.RootUri.ToString(), "/", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, finalStatus);
        Assert.NotNull(Hooks.Value(figures, "kpi-cost"));
    }
}
