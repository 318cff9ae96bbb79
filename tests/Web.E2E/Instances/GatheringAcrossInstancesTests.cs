using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Instances;

/// <summary>
/// A period read for the first time on one instance, its progress bar polled through a balancer that sends the polls
/// to the other: the other answers from the archive they share (the months in, nothing of the pages), so the bar moves
/// and the page reloads once, when every month is in, instead of on every poll that another instance answered 404.
/// </summary>
public sealed class GatheringAcrossInstancesTests
{
    private const string Period = "/telephony?from=2024-11-01&to=2025-01-31";

    [Fact]
    public async Task A_period_being_read_on_one_instance_shows_its_months_coming_in_on_the_other_until_every_one_is_in()
    {
        // Arrange: December's pages answer A after 3 s each, so the read outlasts the page's wait for it (1 s).
        await using var database = await SharedPostgres.CreateAsync();
        await using var a = await InstanceServer.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Gathering:RenderWait"] = "00:00:01" });
        await using var b = await InstanceServer.StartAsync(database.ConnectionString);
        a.Services.GetRequiredService<SimulatorFaults>().Add(
            new FaultRule(FaultKind.Latency, When: request => request.From == new DateOnly(2024, 12, 1), Delay: TimeSpan.FromSeconds(3)));
        using var browser = new SharedBrowser();
        await browser.SignInAsync(a.RootUri, DemoAccount.UserName, DemoAccount.Password);

        // Act
        var (pageStatus, _, shell) = await browser.GetAsync(a.RootUri, Period);
        var statusUrl = GatheredPages.StatusUrl(shell)!;
        var polls = new List<(HttpStatusCode Status, JsonElement? Body)>();
        do
        {
            var (status, _, json) = await browser.GetAsync(b.RootUri, statusUrl);
            polls.Add((status, status == HttpStatusCode.OK ? JsonDocument.Parse(json).RootElement.Clone() : null));
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        while (polls[^1].Body is { } body && !body.GetProperty("done").GetBoolean() && polls.Count < 240);
        var (afterStatus, _, after) = await browser.GetAsync(b.RootUri, Period);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, pageStatus);
        Assert.All(polls, poll => Assert.Equal(HttpStatusCode.OK, poll.Status));
        var first = polls[0].Body!.Value;
        Assert.Equal((3, false), (first.GetProperty("windowsTotal").GetInt32(), first.GetProperty("done").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("pagesDone").ValueKind);
        var last = polls[^1].Body!.Value;
        Assert.Equal((3, 3, true), (last.GetProperty("windowsDone").GetInt32(), last.GetProperty("windowsTotal").GetInt32(), last.GetProperty("done").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, afterStatus);
        Assert.Equal(0, Hooks.Count(after, "gather-progress"));
        Assert.NotNull(Hooks.Value(after, "kpi-cost"));
    }
}
