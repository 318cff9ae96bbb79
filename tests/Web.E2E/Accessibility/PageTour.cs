using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Accessibility;

/// <summary>
/// A server of its own for the page tours: a download of more than one month runs in the background, so that its
/// progress, cancelled and ready pages can be seen, and faults can be switched on for the slow download and the 502
/// page without disturbing the other tests.
/// </summary>
public sealed class PageTourServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Exports:BackgroundAbove"] = "1",

        // A tour ends on the 502 page, every call failing; the next tour's slow download must then still be running
        // when its Cancel is clicked. With the breaker of the default settings, those failures could open it within
        // the next tour, failing that download as "unavailable" before the click (seen once, 2026-12-07). The tours
        // show pages, not the breaker, which tests of its own cover.
        ["UMeeting:BreakerMinimumThroughput"] = "10000",
    };
}

/// <summary>
/// Walks every page a person can reach, in one language, and calls <c>look</c> on each once it is ready: sign-in,
/// /meetings (with results and with a bad date), /meeting (found and not found), /participants, /telephony, /rooms,
/// /archive, a refused download, a background download running, cancelled and ready, the 404 page and the 502 page.
/// Each tour downloads other months (<c>tour</c>), so that the running download really waits for the meeting service.
/// </summary>
internal sealed class PageTour(IPage page, MeetingReportsServer server, string language, int tour)
{
    private const string Period = "from=2025-06-01&to=2025-06-15";

    private readonly List<string> _seen = [];

    /// <summary>The pages looked at, by name.</summary>
    public IReadOnlyList<string> Seen => _seen;

    public async Task WalkAsync(Func<string, Task> look)
    {
        var dataset = server.Services.GetRequiredService<SimulatorDataset>();
        var faults = server.Services.GetRequiredService<SimulatorFaults>();
        var meeting = dataset.MeetingsBetween(new(2025, 6, 10), new(2025, 6, 14)).First(candidate => candidate.Telephony.Count > 0 && candidate.Participants.Count > 1);

        // Signed out, in the language asked through the switcher, as a reader would choose it.
        await page.GotoAsync("account/login");
        if (await page.Locator("html").GetAttributeAsync("lang") != language)
        {
            await page.RunAndWaitForPageAsync(() => page.GetByTestId("language-" + language).ClickAsync());
        }

        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await LookHereAsync("sign-in", "login-form", look);
        await page.GetByTestId("login-username").FillAsync(DemoAccount.UserName);
        await page.GetByTestId("login-password").FillAsync(DemoAccount.Password);
        await page.RunAndWaitForPageAsync(() => page.GetByTestId("login-submit").ClickAsync());

        await LookAsync("meetings", $"meetings?{Period}&show_participants=true&show_telephony_usage=true", "kpi-meetings", look);
        await LookAsync("meetings, a bad date", "meetings?from=2025-06-31&to=2025-06-15", "error-from", look);
        await LookAsync("meeting", $"meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{Period}", "meeting-header", look);
        await LookAsync("meeting, not found", $"meeting?uuid=NoSuchRecord&{Period}", "not-found", look);
        await LookAsync("participants", $"participants?{Period}", "participant-summary-row", look);
        await LookAsync("telephony", $"telephony?{Period}", "summed-line", look);
        await LookAsync("rooms", $"rooms?{Period}", "business-hours", look);
        await LookAsync("archive", "archive", "archive-windows", look);
        await LookAsync("download, refused", $"export?{Period}&format=pdf", "bad-request", look);
        await DownloadsAsync(faults, look);
        await LookAsync("error 404", "no-such-page", "error-status", look);
        faults.Add(new FaultRule(FaultKind.ServerError));
        try
        {
            await LookAsync("meetings, the meeting service failing (502)", "meetings?from=2024-02-01&to=2024-02-10", "upstream-failure", look);
        }
        finally
        {
            faults.Clear();
        }
    }

    /// <summary>
    /// A two-month download held up by a slow meeting service (running, then cancelled), then one that ends. The slow
    /// months are asked for straight from /export: a report page of them would read them first.
    /// </summary>
    private async Task DownloadsAsync(SimulatorFaults faults, Func<string, Task> look)
    {
        var downloads = new DownloadJobPage(page);
        var slow = new DateOnly(2024, 6, 1).AddMonths(2 * tour);
        faults.Add(new FaultRule(FaultKind.Latency, When: request => request.From == slow, Delay: TimeSpan.FromSeconds(30)));
        try
        {
            await page.GotoAsync($"export?{Months(slow)}");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/downloads/", StringComparison.Ordinal));
            await LookHereAsync("download, running", "download-running", look);
            await page.RunAndWaitForPageAsync(() => downloads.CancelButton.ClickAsync());
            await LookHereAsync("download, cancelled", "download-cancelled", look);
        }
        finally
        {
            faults.Clear();
        }

        // Not the first month of any tour's slow download (2024-06, -08, -10, -12, 2025-02, -04): a month this download
        // archived would make that tour's download end before its Cancel could be clicked.
        await page.GotoAsync("participants?from=2025-05-01&to=2025-06-14");
        await downloads.OpenFromAsync(page.GetByTestId("download-excel"));
        await downloads.Ready.WaitForAsync(new() { Timeout = 60_000 });
        await LookHereAsync("download, ready", "download-ready", look);
    }

    private static string Months(DateOnly first) =>
        string.Create(CultureInfo.InvariantCulture, $"from={first:yyyy-MM-dd}&to={first.AddMonths(2).AddDays(-1):yyyy-MM-dd}");

    private async Task LookAsync(string name, string address, string shownWhenReady, Func<string, Task> look)
    {
        await page.GotoAsync(address);
        await LookHereAsync(name, shownWhenReady, look);
    }

    private async Task LookHereAsync(string name, string shownWhenReady, Func<string, Task> look)
    {
        await page.GetByTestId(shownWhenReady).First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal((name, language), (name, await page.Locator("html").GetAttributeAsync("lang")));
        _seen.Add(name);
        await look(name);
    }
}
