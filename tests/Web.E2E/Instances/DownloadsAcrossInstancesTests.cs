using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Instances;

/// <summary>
/// A background download on two instances of one database and one exports folder: started on A, its progress, its
/// cancel button and its file answer on B (and the file again on A); when A stops while it runs, B says so instead of
/// showing it running.
/// </summary>
public sealed class DownloadsAcrossInstancesTests
{
    private const string LongDownload = "export?from=2025-01-01&to=2025-02-28&format=xlsx";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Exports:BackgroundAbove"] = "1",
    };

    [Fact]
    public async Task A_download_started_on_one_instance_shows_its_progress_and_serves_its_file_from_the_other()
    {
        // Arrange
        await using var instances = await TwoInstances.StartAsync(slowDownOnA: TimeSpan.FromSeconds(3));
        var (a, b, browser) = (instances.A, instances.B, instances.Browser);

        // Act
        var started = await browser.GetAsync(a.RootUri, LongDownload);
        var id = JobId(started.Location);
        var (pageStatus, _, page) = await browser.GetAsync(b.RootUri, $"downloads/{id}");
        var polls = new List<JsonElement>();
        do
        {
            polls.Add(await StatusAsync(browser, b, id));
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (polls[^1].GetProperty("state").GetString() is "waiting" or "running" && polls.Count < 300);
        var (fileStatus, _, file) = await browser.GetAsync(b.RootUri, $"downloads/{id}/file");
        var (againOnA, _, fileAgain) = await browser.GetAsync(a.RootUri, $"downloads/{id}/file");

        // Assert
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Equal(1, Hooks.Count(page, "download-progress"));
        Assert.Equal("umeeting-meetings_2025-01-01_2025-02-28.xlsx", Hooks.Text(page, "download-file-name"));
        Assert.Contains(polls, poll => poll.GetProperty("state").GetString() == "running");
        Assert.Equal(("done", 100), (polls[^1].GetProperty("state").GetString(), polls[^1].GetProperty("percent").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, fileStatus);
        Assert.StartsWith("PK", file, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, againOnA);
        Assert.Equal(file, fileAgain);
    }

    [Fact]
    public async Task A_narrowed_download_says_what_narrows_it_on_the_other_instance_too()
    {
        // Arrange
        await using var instances = await TwoInstances.StartAsync(slowDownOnA: TimeSpan.FromSeconds(3));
        var (a, b, browser) = (instances.A, instances.B, instances.Browser);

        // Act
        var started = await browser.GetAsync(a.RootUri, $"{LongDownload}&q=%20review%20&participant={Uri.EscapeDataString("张伟")}");
        var (status, _, page) = await browser.GetAsync(b.RootUri, $"downloads/{JobId(started.Location)}");

        // Assert: the page on B reads the job from the database alone.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Only the meetings that 张伟 joined matching “review”, each with every join and call.", Hooks.Text(page, "download-narrowed"));
    }

    [Fact]
    public async Task A_download_in_the_meetings_lists_order_leads_back_to_that_list_in_it_on_the_other_instance_too()
    {
        // Arrange
        await using var instances = await TwoInstances.StartAsync(slowDownOnA: TimeSpan.FromSeconds(3));
        var (a, b, browser) = (instances.A, instances.B, instances.Browser);

        // Act: B is asked for the job's page without its filters, so that it knows the order from the database alone.
        var started = await browser.GetAsync(a.RootUri, $"{LongDownload}&sort=actual_minutes&dir=asc");
        var (status, _, page) = await browser.GetAsync(b.RootUri, $"downloads/{JobId(started.Location)}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/meetings?from=2025-01-01&to=2025-02-28&sort=actual_minutes&dir=asc&page_size=30", Hooks.Href(page, "download-back"));
    }

    [Fact]
    public async Task A_csv_download_says_which_table_it_holds_on_the_other_instance_too()
    {
        // Arrange
        await using var instances = await TwoInstances.StartAsync(slowDownOnA: TimeSpan.FromSeconds(3));
        var (a, b, browser) = (instances.A, instances.B, instances.Browser);

        // Act
        var started = await browser.GetAsync(a.RootUri, "export?from=2025-01-01&to=2025-02-28&format=csv&table=people");
        var (status, _, page) = await browser.GetAsync(b.RootUri, $"downloads/{JobId(started.Location)}");

        // Assert: the page on B reads the job's table from the database alone.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            "umeeting-people_2025-01-01_2025-02-28.csv: the people who joined the meetings of 2025-01-01 – 2025-02-28 in every room, one row per name.",
            Assert.Single(Hooks.Texts(page, "download-what")));
    }

    [Fact]
    public async Task A_download_running_on_one_instance_is_cancelled_from_the_other()
    {
        // Arrange
        await using var instances = await TwoInstances.StartAsync(slowDownOnA: TimeSpan.FromSeconds(20));
        var (a, b, browser) = (instances.A, instances.B, instances.Browser);
        var id = JobId((await browser.GetAsync(a.RootUri, LongDownload)).Location);
        var token = await browser.TokenAsync(b.RootUri, $"downloads/{id}");

        // Act
        using var cancelled = await browser.PostFormAsync(b.RootUri, $"downloads/{id}?handler=cancel", [new("__RequestVerificationToken", token)]);
        var (_, _, page) = await browser.GetAsync(b.RootUri, $"downloads/{id}");
        var onA = await StatusAsync(browser, a, id);

        // Assert
        Assert.Equal(HttpStatusCode.Found, cancelled.StatusCode);
        Assert.Equal(1, Hooks.Count(page, "download-cancelled"));
        Assert.Equal("cancelled", onA.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_download_whose_instance_stopped_is_shown_failed_with_a_sentence_on_the_other()
    {
        // Arrange
        await using var instances = await TwoInstances.StartAsync(slowDownOnA: TimeSpan.FromSeconds(20));
        var (a, b, browser) = (instances.A, instances.B, instances.Browser);
        var id = JobId((await browser.GetAsync(a.RootUri, LongDownload)).Location);
        var before = await StatusAsync(browser, b, id);

        // Act
        await instances.StopAAsync();
        var after = await StatusAsync(browser, b, id);
        var (_, _, page) = await browser.GetAsync(b.RootUri, $"downloads/{id}");

        // Assert
        Assert.True(before.GetProperty("state").GetString() is "waiting" or "running", $"Before A stopped the job was {before}.");
        Assert.Equal("failed", after.GetProperty("state").GetString());
        Assert.Equal(
            "The server that was making this download stopped before it finished, and nothing was kept. Start the download again from a report's Download Excel button.",
            Hooks.Text(page, "download-instance-stopped"));
    }

    /// <summary>
    /// Two instances on one fresh database, A's simulator slowed on January 2025 so that a download started there keeps
    /// running, and a browser signed in on A (its cookie opens B too).
    /// </summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private readonly SharedPostgres _database;
        private bool _aStopped;

        private TwoInstances(SharedPostgres database, InstanceServer a, InstanceServer b, SharedBrowser browser) =>
            (_database, A, B, Browser) = (database, a, b, browser);

        public InstanceServer A { get; }

        public InstanceServer B { get; }

        public SharedBrowser Browser { get; }

        public static async Task<TwoInstances> StartAsync(TimeSpan slowDownOnA)
        {
            var database = await SharedPostgres.CreateAsync();
            var a = await InstanceServer.StartAsync(database.ConnectionString, Settings);
            var b = await InstanceServer.StartAsync(database.ConnectionString, Settings);
            a.Services.GetRequiredService<SimulatorFaults>().Add(
                new FaultRule(FaultKind.Latency, When: request => request.From == new DateOnly(2025, 1, 1), Delay: slowDownOnA));
            var browser = new SharedBrowser();
            await browser.SignInAsync(a.RootUri, DemoAccount.UserName, DemoAccount.Password);
            return new TwoInstances(database, a, b, browser);
        }

        /// <summary>Stops A as its host stops: whatever it runs is broken off.</summary>
        public async Task StopAAsync()
        {
            _aStopped = true;
            await A.DisposeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Browser.Dispose();
            await B.DisposeAsync();
            if (!_aStopped)
            {
                await A.DisposeAsync();
            }

            await _database.DisposeAsync();
        }
    }

    private static string JobId(string? location) =>
        location is not null && location.StartsWith("/downloads/", StringComparison.Ordinal)
            ? location["/downloads/".Length..].Split('?')[0]
            : throw new InvalidOperationException($"The download did not become a job: Location {location}.");

    private static async Task<JsonElement> StatusAsync(SharedBrowser browser, InstanceServer server, string id)
    {
        var (status, _, json) = await browser.GetAsync(server.RootUri, $"downloads/{id}/status");
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
