using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// A server of its own for the language tests: a download of more than one upstream request runs in the background,
/// so that its progress and result page can be seen, faults can be switched on for the 502 page without
/// disturbing the other tests, and the licences are set, so that the KPIs compare the peak with them.
/// </summary>
public sealed class LanguagesServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Exports:BackgroundAbove"] = "1",
        ["Reports:Licences"] = "4",
    };
}

/// <summary>
/// Issue 13: a browser that asks for Chinese walks every page (and the error pages) and finds no English interface
/// text: every visible text, title, tooltip, label for screen readers and chart label is compared with the app's
/// English resource texts, the data (topics, names, rooms, ids) taken out first.
/// </summary>
public sealed class ChineseCrawlTests(LanguagesServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<LanguagesServer>
{
    private const string Period = "from=2025-06-01&to=2025-06-15";

    /// <summary>A search that finds nothing: the page quotes it, and it is data, not interface.</summary>
    private const string NoSuchMeeting = "no-such-meeting-anywhere";

    // Every text a reader meets: the rendered text (folded tables opened), the title, tooltips, labels for screen
    // readers, placeholders, and what the charts write on their canvas (dataset names, labels, axis titles, units).
    private const string VisibleTexts = """
        () => {
          document.querySelectorAll('details').forEach(details => details.open = true);
          const texts = [document.title, ...document.body.innerText.split('\n')];
          for (const element of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
            for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
              const value = element.getAttribute(name);
              if (value) texts.push(value);
            }
          }
          for (const block of document.querySelectorAll('script[type="application/json"]')) {
            const chart = JSON.parse(block.textContent);
            for (const dataset of chart.data?.datasets ?? []) texts.push(String(dataset.label ?? ''));
            for (const label of chart.data?.labels ?? []) texts.push(String(label));
            for (const axis of Object.values(chart.options?.scales ?? {})) if (axis?.title?.text) texts.push(axis.title.text);
            if (chart.meta?.valueSuffix) texts.push(chart.meta.valueSuffix);
          }
          return texts.map(text => text.trim()).filter(text => text.length > 0);
        }
        """;

    private readonly List<string> _english = [];
    private readonly List<string> _wrongLanguage = [];
    private readonly List<string> _seen = [];

    // File names are ASCII in every language (umeeting-meetings_…xlsx): data, not interface.
    private readonly List<string> _fileNames = [];

    protected override string Locale => "zh-CN";

    private SimulatorDataset Dataset => Server.Services.GetRequiredService<SimulatorDataset>();

    [Fact]
    public async Task Every_page_in_Chinese_shows_no_English_interface_text()
    {
        // Arrange
        var meeting = Dataset.MeetingsBetween(new(2025, 6, 10), new(2025, 6, 14)).First(candidate => candidate.Telephony.Count > 0 && candidate.Participants.Count > 1);
        var faults = Server.Services.GetRequiredService<SimulatorFaults>();

        // Act: signed out, then each report with data, empty, refused, and the error pages.
        await LookAsync("sign-in", "account/login", "login-form");
        await Page.GetByTestId("login-username").FillAsync(DemoAccount.UserName);
        await Page.GetByTestId("login-password").FillAsync(DemoAccount.Password);
        await Page.RunAndWaitForPageAsync(() => Page.GetByTestId("login-submit").ClickAsync());
        await LookAsync("meetings", $"meetings?{Period}&show_participants=true&show_telephony_usage=true", "kpi-meetings");
        await LookAsync("meetings, nothing found", $"meetings?{Period}&q={NoSuchMeeting}", "empty-state");
        await LookAsync("meetings, a bad date", "meetings?from=2025-06-31&to=2025-06-15", "error-from");
        await LookAsync("meeting", $"meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{Period}", "meeting-header");
        await LookAsync("meeting, not found", $"meeting?uuid=NoSuchRecord&{Period}", "not-found");
        await LookAsync("participants", $"participants?{Period}", "participant-summary-row");
        await LookAsync("telephony", $"telephony?{Period}", "summed-line");
        await LookAsync("rooms", $"rooms?{Period}", "business-hours");
        await LookAsync("archive", "archive", "archive-windows");
        await LookAsync("download, refused", $"export?{Period}&format=pdf", "bad-request");
        await LookAsync("participants, two months", "participants?from=2025-05-01&to=2025-06-15", "participant-summary-row");
        await LookAsync("meetings, three months by month and against the months before", "meetings?from=2025-02-01&to=2025-04-30", "trends");
        await LookAsync("meetings, against the month before", "meetings?from=2025-05-01&to=2025-05-31", "kpi-meetings-change");
        await LookAsync("telephony, three months by month", "telephony?from=2025-02-01&to=2025-04-30", "trends");
        await Page.GetByTestId("download-excel").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/downloads/", StringComparison.Ordinal));
        await Page.GetByTestId("download-ready").WaitForAsync(new() { Timeout = 60_000 });
        _fileNames.Add(await Page.GetByTestId("download-file-name").InnerTextAsync());
        await LookHereAsync("download, done");
        await LookAsync("error 404", "no-such-page", "error-status");
        faults.Add(new FaultRule(FaultKind.ServerError));
        try
        {
            await LookAsync("meetings, the meeting service failing (502)", "meetings?from=2024-02-01&to=2024-02-10", "upstream-failure");
        }
        finally
        {
            faults.Clear();
        }

        // The month that failed is on /archive with its last error, kept coded and worded here in Chinese.
        await LookAsync("archive, with the month the meeting service failed", "archive", "archive-window-error");

        // Assert
        Assert.True(_seen.Count >= 15, $"Only {_seen.Count} pages were seen: {string.Join(", ", _seen)}");
        Assert.True(_wrongLanguage.Count == 0, string.Join(Environment.NewLine, _wrongLanguage));
        Assert.True(_english.Count == 0, $"English left on Chinese pages:{Environment.NewLine}{string.Join(Environment.NewLine, _english)}");
    }

    private async Task LookAsync(string name, string address, string shownWhenReady)
    {
        await Page.GotoAsync(address);
        await Page.GetByTestId(shownWhenReady).First.WaitForAsync(new() { Timeout = 60_000 });
        await LookHereAsync(name);
    }

    /// <summary>Reads the page as it stands: its language declared, and any English text on it.</summary>
    private async Task LookHereAsync(string name)
    {
        _seen.Add(name);
        var lang = await Page.Locator("html").GetAttributeAsync("lang");
        var contentLanguage = await Page.EvaluateAsync<string?>("async () => (await fetch(location.href, { method: 'HEAD' })).headers.get('content-language')");
        if (lang != "zh-CN" || contentLanguage != "zh-CN")
        {
            _wrongLanguage.Add($"{name}: lang={lang}, Content-Language={contentLanguage}");
        }

        var texts = await Page.EvaluateAsync<string[]>(VisibleTexts);
        _english.AddRange(EnglishTexts.FoundIn(texts, Data()).Select(found => $"{name}: {found}"));
    }

    /// <summary>What the pages show that is data, not interface: the simulator's rooms, topics, names, numbers and ids.</summary>
    private IEnumerable<string> Data()
    {
        var meetings = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 6, 15));
        return
        [
            DemoAccount.UserName,
            NoSuchMeeting,
            .. _fileNames,
            .. Dataset.Rooms.SelectMany(room => new[] { room.Name, room.HostId, room.Email }),
            .. meetings.SelectMany(meeting => new[] { meeting.Topic, meeting.MeetingId, meeting.Uuid }),
            .. meetings.SelectMany(meeting => meeting.Participants.Select(participant => participant.Name)),
            .. meetings.SelectMany(meeting => meeting.Telephony.Select(call => call.PhoneNumber)),
        ];
    }
}
