using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>/telephony: the period form, the KPIs, the four charts with their tables, the room and day tables.</summary>
public sealed class TelephonyPage(IPage page)
{
    public const string Path = "/telephony";

    public static readonly string[] ChartIds =
        ["telephony-cost-per-day", "telephony-cost-per-room", "telephony-top-numbers", "telephony-minutes-by-type"];

    public ILocator NavLink => page.GetByTestId("nav-telephony");

    public ILocator From => page.GetByLabel("From", new() { Exact = true });

    public ILocator To => page.GetByLabel("To", new() { Exact = true });

    public ILocator Room => page.GetByLabel("Room", new() { Exact = true });

    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Show telephony", Exact = true });

    public ILocator Progress => page.GetByTestId("gather-progress");

    public ILocator Cost => page.GetByTestId("kpi-cost");

    public ILocator TypeRows => page.GetByTestId("type-row");

    public ILocator SignOutButton => page.GetByTestId("logout");

    public bool IsShown => new Uri(page.Url).AbsolutePath == Path;

    /// <summary>The current address's query string, decoded, one value per name.</summary>
    public IReadOnlyDictionary<string, string> Query =>
        QueryHelpers.ParseQuery(new Uri(page.Url).Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    public IEnumerable<ChartFigure> Charts => ChartIds.Select(id => new ChartFigure(page, id));

    public async Task<IResponse?> OpenAsync(string query = "") => await page.GotoAsync(Path.TrimStart('/') + query);

    public async Task<IResponse> OpenFromNavigationAsync() => await page.RunAndWaitForPageAsync(() => NavLink.ClickAsync());

    /// <summary>Fills the form as a person would and submits it; the response of the page it lands on.</summary>
    public async Task<IResponse> ShowAsync(DateOnly from, DateOnly to, string? hostId = null)
    {
        await From.FillAsync(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await To.FillAsync(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Room.SelectOptionAsync(new SelectOptionValue { Value = hostId ?? "" });
        return await page.RunAndWaitForPageAsync(() => ShowButton.ClickAsync());
    }

    /// <summary>The rooms the select offers (host id), without "All rooms".</summary>
    public async Task<IReadOnlyList<string>> RoomChoicesAsync() =>
        await Room.Locator("option:not([value=''])").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");

    /// <summary>Calls, minutes and cost as the KPI tiles hold them (data-value), once the figures are in.</summary>
    public async Task<(string Calls, string Minutes, string Cost)> KpisAsync()
    {
        await Cost.WaitForAsync(new() { Timeout = 60_000 });
        return (await ValueAsync("kpi-calls"), await ValueAsync("kpi-minutes"), await ValueAsync("kpi-cost"));
    }

    /// <summary>Each call type's calls, minutes and cost, in page order.</summary>
    public async Task<IReadOnlyList<string>> TypeLinesAsync() =>
        await TypeRows.EvaluateAllAsync<string[]>(
            "rows => rows.map(row => [row.dataset.type, ...[...row.querySelectorAll('[data-value]')].map(cell => cell.dataset.value)].join(' '))");

    public async Task<IResponse> SignOutAsync() => await page.RunAndWaitForPageAsync(() => SignOutButton.ClickAsync());

    private async Task<string> ValueAsync(string testId) =>
        await page.GetByTestId(testId).GetAttributeAsync("data-value")
        ?? throw new InvalidOperationException($"[data-testid={testId}] has no data-value.");
}
