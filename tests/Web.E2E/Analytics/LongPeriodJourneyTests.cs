using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>A server of its own, whose simulator the tests below slow down: its archive starts empty, its faults are theirs.</summary>
public class SlowUpstreamServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Gathering:RenderWait"] = "00:00:01.5",
    };
}

/// <summary>The same, for a second journey whose months must not have been read by the first.</summary>
public sealed class SlowUpstreamMeetingsServer : SlowUpstreamServer;

/// <summary>
/// Thirteen months read for the first time, with the meeting service taking 0.7 s for each full page (the page size
/// the archive's month reads use): the page shows its progress instead of hanging, and then the figures. Each
/// journey has a server of its own, as the months one has read are in its archive for every report after it.
/// </summary>
public abstract class LongPeriodJourney<TServer>(TServer server, BrowserFixture browser) : BrowserTest(server, browser)
    where TServer : SlowUpstreamServer
{
    private protected static readonly DateOnly From = new(2024, 5, 1);
    private protected static readonly DateOnly To = new(2025, 5, 31);

    private protected SimulatorDataset Dataset => Server.Services.GetRequiredService<SimulatorDataset>();

    /// <summary>
    /// Signs in and waits until the page signing in lands on (this month's meetings, read on this slow service too) is
    /// settled: shown as progress, it reloads itself once its month is read, and that reload would cut short the
    /// test's next navigation (net::ERR_ABORTED).
    /// </summary>
    private protected async Task SignInAndSettleAsync()
    {
        await SignInAsDemoAdminAsync();
        await Page.GetByTestId("gather-progress").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var faults = Server.Services.GetRequiredService<SimulatorFaults>();
        faults.Clear();
        faults.Add(new FaultRule(FaultKind.Latency, When: request => request.PageSize == 300, Delay: TimeSpan.FromMilliseconds(700)));
    }
}

public sealed class LongPeriodJourneyTests(SlowUpstreamServer server, BrowserFixture browser)
    : LongPeriodJourney<SlowUpstreamServer>(server, browser), IClassFixture<SlowUpstreamServer>
{

    [Fact]
    public async Task A_thirteen_month_telephony_report_shows_its_progress_and_then_its_figures()
    {
        // Arrange
        await SignInAndSettleAsync();
        var telephony = new TelephonyPage(Page);
        var polls = 0;
        Page.Response += (_, response) => polls += response.Url.Contains("/gathering/status", StringComparison.Ordinal) && response.Status == 200 ? 1 : 0;
        var cost = Dataset.MeetingsBetween(From, To).SelectMany(meeting => meeting.Telephony).Sum(call => call.Total);

        // The most months the progress panel ever showed as read, kept across the reload that brings the figures: the
        // last poll may come back "done" and reload at once, too soon for the test to look at the panel itself.
        await Page.AddInitScriptAsync("""
            new MutationObserver(() => {
              const shown = Number(document.querySelector('[data-testid="gather-windows-done"]')?.dataset.value ?? 0);
              if (shown > Number(sessionStorage.getItem('most-windows-done') ?? 0)) {
                sessionStorage.setItem('most-windows-done', String(shown));
              }
            }).observe(document, { subtree: true, childList: true, attributes: true });
            """);

        // Act
        var first = await telephony.OpenAsync("?from=2024-05-01&to=2025-05-31");
        var monthsTotal = await Page.GetByTestId("gather-windows-total").GetAttributeAsync("data-value");
        var (_, _, shownCost) = await telephony.KpisAsync();
        var mostWindowsShown = await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('most-windows-done')");

        // Assert: a progress bar first (202, thirteen months to read, counts moving as the page polls), then the figures.
        Assert.Equal(202, first!.Status);
        Assert.Equal("13", monthsTotal);
        Assert.True(polls >= 1, "The page never asked how far the reading had got.");
        Assert.True(int.TryParse(mostWindowsShown, CultureInfo.InvariantCulture, out var most) && most > 0, $"The panel never showed a month read ({mostWindowsShown}).");
        Assert.Equal(cost.ToString("0.00", CultureInfo.InvariantCulture), shownCost);
        Assert.Equal(0, await telephony.Progress.CountAsync());
        Assert.True(telephony.IsShown);
        Assert.Empty(BrowserErrors);
    }
}

public sealed class LongPeriodMeetingsJourneyTests(SlowUpstreamMeetingsServer server, BrowserFixture browser)
    : LongPeriodJourney<SlowUpstreamMeetingsServer>(server, browser), IClassFixture<SlowUpstreamMeetingsServer>
{
    [Fact]
    public async Task Thirteen_months_never_read_show_progress_at_once_then_the_table_and_the_kpis_of_the_whole_period()
    {
        // Arrange
        await SignInAndSettleAsync();
        var room = Dataset.Rooms[5].HostId;
        var meetings = Dataset.MeetingsBetween(From, To, room);

        // Act: the archive has none of these months yet, so they are read first, with the progress bar.
        var first = await new MeetingsPage(Page).OpenAsync($"?from=2024-05-01&to=2025-05-31&host_id={room}");
        var progressAtOnce = await Page.GetByTestId("gather-progress").CountAsync();
        var kpi = Page.GetByTestId("kpi-meetings");
        await kpi.WaitForAsync(new() { Timeout = 90_000 });

        // Assert
        Assert.Equal(202, first!.Status);
        Assert.Equal(1, progressAtOnce);
        Assert.Equal(meetings.Count.ToString(CultureInfo.InvariantCulture), await kpi.GetAttributeAsync("data-value"));
        Assert.Equal(30, await Page.GetByTestId("meeting-row").CountAsync());
        Assert.Empty(BrowserErrors);
    }
}

/// <summary>The same slow service, for journeys that must find their months unread (each reads months of its own).</summary>
public sealed class SlowUpstreamLinkServer : SlowUpstreamServer;

public sealed class ProgressReloadRaceTests(SlowUpstreamLinkServer server, BrowserFixture browser)
    : LongPeriodJourney<SlowUpstreamLinkServer>(server, browser), IClassFixture<SlowUpstreamLinkServer>
{
    [Fact]
    public async Task A_link_followed_while_the_progress_page_would_reload_itself_still_leads_where_it_points()
    {
        // Arrange: six months shown as progress; the page the link leads to answers slowly, and meanwhile the
        // progress page's polling learns that its months are read, which makes it reload itself unless it knows the
        // user is going elsewhere.
        await SignInAndSettleAsync();
        var first = await new MeetingsPage(Page).OpenAsync("?from=2024-05-01&to=2024-10-31");
        var linkFollowed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await ProgressPolls.AnswerAfterAsync(Page, linkFollowed.Task, """{"done":true,"windowsDone":6,"windowsTotal":6,"pagesDone":6,"pagesTotal":6}""");
        await Page.RouteAsync(url => new Uri(url).AbsolutePath == "/participants", async route =>
        {
            linkFollowed.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The page reloaded itself before the request left: the link's navigation was replaced.
            }
        });

        // Act
        await Page.GetByTestId("nav-participants").ClickAsync();
        var landed = await Page.GetByTestId("nav-participants").And(Page.Locator("[aria-current=\"page\"]"))
            .WaitForAsync(new() { Timeout = 30_000 }).ContinueWith(wait => wait.IsCompletedSuccessfully, TaskScheduler.Default);

        // Assert
        Assert.Equal(202, first!.Status);
        Assert.True(landed, $"The link to the participants was lost: the page reloaded itself over it and stayed at {Page.Url}.");
        Assert.Equal("/participants", new Uri(Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_download_answered_as_a_file_leaves_the_progress_page_polling_until_its_figures_come()
    {
        // Arrange: the page's "Download Excel" answers with a file, so the browser stays on the progress page.
        await SignInAndSettleAsync();
        var first = await new MeetingsPage(Page).OpenAsync("?from=2024-11-01&to=2025-05-31");
        await Page.RouteAsync(url => new Uri(url).AbsolutePath == "/export", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/csv",
            Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"meetings.csv\"" },
            Body = "uuid\n",
        }));

        // Act
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-excel").ClickAsync());
        var kpi = Page.GetByTestId("kpi-meetings");
        await kpi.WaitForAsync(new() { Timeout = 120_000 });

        // Assert
        Assert.Equal(202, first!.Status);
        Assert.Equal("meetings.csv", download.SuggestedFilename);
        Assert.Equal(1, await kpi.CountAsync());
        Assert.Empty(BrowserErrors);
    }
}
