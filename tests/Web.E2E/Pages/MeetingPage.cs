using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>/meeting?uuid=…: one meeting's header, figures, people, timeline and phone legs.</summary>
public sealed class MeetingPage(IPage page)
{
    public const string Path = "/meeting";

    public ILocator BackToList => page.GetByTestId("back-to-list");

    public ILocator Uuid => page.GetByTestId("meeting-uuid");

    public ILocator ParticipantRows => page.GetByTestId("participant-row");

    public ILocator SessionRows => page.GetByTestId("participant-session-row");

    public ILocator TelephonyRows => page.GetByTestId("telephony-row");

    public ILocator TelephonyNumbers => page.GetByTestId("telephony-number");

    public ILocator NumbersMaskedNotice => page.GetByTestId("numbers-masked");

    public ILocator Timeline => page.GetByTestId("timeline-chart");

    public ILocator TimelineAsTable => page.GetByTestId("timeline-as-table");

    public ILocator SessionsTable => page.GetByTestId("sessions-table");

    public ILocator CurrentRole => page.GetByTestId("current-role");

    public bool IsShown => new Uri(page.Url).AbsolutePath == Path;

    /// <summary>The current address's query string, decoded, one value per name.</summary>
    public IReadOnlyDictionary<string, string> Query =>
        QueryHelpers.ParseQuery(new Uri(page.Url).Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    public async Task<IResponse?> OpenAsync(string query) => await page.GotoAsync(Path.TrimStart('/') + query);

    public Task<int> PeakAsync() => CountAsync("peak-concurrent");

    public async Task<IResponse> BackToListAsync() =>
        await Harness.Navigation.RunAndWaitForPageAsync(page, () => BackToList.ClickAsync());

    /// <summary>
    /// What the timeline's canvas shows: Chart.js's rows and bars for it, and whether its pixels differ from a blank
    /// canvas of the same size (a chart object alone does not prove that anything was painted).
    /// </summary>
    public async Task<TimelineState> TimelineStateAsync() =>
        await Timeline.EvaluateAsync<TimelineState>(
            """
            canvas => {
              const chart = window.Chart ? window.Chart.getChart(canvas) : undefined;
              const blank = document.createElement('canvas');
              blank.width = canvas.width;
              blank.height = canvas.height;
              return {
                Rows: chart ? chart.data.labels.length : 0,
                Bars: chart ? chart.data.datasets.reduce((sum, set) => sum + set.data.filter(value => value !== null).length, 0) : 0,
                Painted: canvas.width > 0 && canvas.height > 0 && canvas.toDataURL() !== blank.toDataURL(),
              };
            }
            """);

    /// <summary>The timeline's x axis as drawn: its title and the label of every tick, in order.</summary>
    public async Task<(string Title, IReadOnlyList<string> Ticks)> TimelineAxisAsync()
    {
        var axis = await Timeline.EvaluateAsync<string[]>(
            """
            canvas => {
              const chart = window.Chart.getChart(canvas);
              const x = chart.scales.x;
              return [x.options.title.text, ...x.ticks.map(tick => String(tick.label))];
            }
            """);
        return (axis[0], axis[1..]);
    }

    private async Task<int> CountAsync(string testId)
    {
        var value = await page.GetByTestId(testId).GetAttributeAsync("data-value")
            ?? throw new InvalidOperationException($"[data-testid={testId}] has no data-value.");
        return int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}

/// <summary>Rows (people) and bars (sessions) Chart.js holds for the timeline, and whether the canvas was painted.</summary>
public sealed record TimelineState
{
    public int Rows { get; init; }

    public int Bars { get; init; }

    public bool Painted { get; init; }
}
