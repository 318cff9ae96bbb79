using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>
/// A server of its own where every download of more than one upstream request runs in the background, and the
/// meeting service takes 0.8 s for every request: a half-year download takes several seconds.
/// </summary>
public class SlowExportServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Exports:BackgroundAbove"] = "1",
        ["Simulator:LatencyMilliseconds"] = "800",
    };
}

/// <summary>
/// "Download Excel" on a long period: the browser lands on the download's page, whose bar moves as the months
/// arrive, and the file is offered when done (a cancelled download: <see cref="CancelRaceJourneyTests"/>). The download is
/// opened by its own address (a bookmarked download): a report page would read the period's months into the archive
/// first, and the download would find them all there before it could be watched.
/// </summary>
public sealed class LongDownloadJourneyTests(SlowExportServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<SlowExportServer>
{
    private SimulatorDataset Dataset => Server.Services.GetRequiredService<SimulatorDataset>();

    [Fact]
    public async Task A_long_download_shows_its_bar_moving_and_then_offers_the_whole_workbook()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var truth = Dataset.MeetingsBetween(new DateOnly(2024, 6, 1), new DateOnly(2024, 11, 30));
        var job = new DownloadJobPage(Page);
        await job.RecordBarAsync();

        // Act
        await job.OpenAsync("/export?from=2024-06-01&to=2024-11-30");
        var monthsTotal = await job.CountAsync("download-windows-total");
        var firstValue = await job.BarValueAsync();
        var file = await job.SaveWhenReadyAsync(TimeSpan.FromSeconds(90));
        var furthest = await job.FurthestBarAsync();
        using var workbook = file.OpenWorkbook();

        // Assert
        Assert.True(job.IsShown, "The long download did not lead to its progress page.");
        Assert.Equal(6, monthsTotal);
        Assert.True(furthest > firstValue, $"The bar never moved from {firstValue} (furthest {furthest}).");
        Assert.Equal("umeeting-meetings_2024-06-01_2024-11-30.xlsx", file.Name);
        Assert.Equal(truth.Select(meeting => meeting.Uuid), workbook.Worksheet("Meetings").ColumnValues("Meeting UUID"));
        Assert.Equal(truth.Sum(meeting => meeting.Telephony.Count), workbook.Worksheet("Telephony").DataRows());
        Assert.Empty(BrowserErrors);
    }
}

/// <summary>
/// A slower service than <see cref="SlowExportServer"/>'s, with an archive of its own: a cancelled download's months
/// go on being read into the archive (others may wait for them), and a later download of the same period would find
/// them there and end before its own Cancel could be clicked. Each request takes 4 s, so that a download cannot end
/// before its Cancel arrives (held 2.5 s on the way in one test): at 0.8 s seven months could be read in about that
/// time, and both cancel tests failed now and then on a busy machine.
/// </summary>
public sealed class SlowCancelServer : SlowExportServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Exports:BackgroundAbove"] = "1",
        ["Simulator:LatencyMilliseconds"] = "4000",
    };
}

/// <summary>
/// Cancelling a long download: the page says so and offers no file, and a Cancel click that crosses the progress
/// page's own reload still cancels it. The two tests download months of their own (a cancelled download's months go
/// on being read into the archive).
/// </summary>
public sealed class CancelRaceJourneyTests(SlowCancelServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<SlowCancelServer>
{
    [Fact]
    public async Task A_cancelled_download_says_so_and_offers_no_file()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var job = new DownloadJobPage(Page);
        await job.OpenAsync("/export?from=2024-05-01&to=2024-11-14");
        await job.RunningAsync();
        var wasRunning = await job.Progress.CountAsync();

        // Act
        var response = await job.CancelAsync();

        // Assert
        Assert.Equal(1, wasRunning);
        Assert.Equal(200, response.Status);
        Assert.True(await job.Cancelled.IsVisibleAsync(), "The page does not say the download was cancelled.");
        Assert.Equal(0, await job.Ready.CountAsync());
        Assert.Equal(0, await job.Progress.CountAsync());
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task A_cancel_clicked_just_as_the_page_would_reload_itself_still_cancels_the_download()
    {
        // Arrange: the Cancel request is held a moment on its way, and meanwhile the page's polling learns that the job
        // moved on, which makes the page reload itself unless it knows the user has already asked for something.
        await SignInAsDemoAdminAsync();
        var job = new DownloadJobPage(Page);
        await job.OpenAsync("/export?from=2024-12-01&to=2025-06-14");
        await job.RunningAsync();
        var wasRunning = await job.Progress.CountAsync();
        var cancelSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await ProgressPolls.AnswerAfterAsync(Page, cancelSent.Task, """{"state":"done","stage":"writing","percent":100}""");
        await Page.RouteAsync(url => new Uri(url).Query.Contains("handler=cancel", StringComparison.Ordinal), async route =>
        {
            cancelSent.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The page went elsewhere before the request left: the cancel was never sent.
            }
        });

        // Act
        await job.CancelButton.ClickAsync();
        await job.Cancelled.Or(job.Ready).First.WaitForAsync(new() { Timeout = 60_000 });

        // Assert
        Assert.Equal(1, wasRunning);
        Assert.True(await job.Cancelled.IsVisibleAsync(), "The download was not cancelled: the page reloaded itself over the Cancel request.");
    }
}
