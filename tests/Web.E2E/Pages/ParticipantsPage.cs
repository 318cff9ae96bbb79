using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>/participants: the filter form, the sortable table of people, the pager.</summary>
public sealed class ParticipantsPage(IPage page)
{
    public const string Path = "/participants";

    public ILocator From => page.GetByLabel("From", new() { Exact = true });

    public ILocator To => page.GetByLabel("To", new() { Exact = true });

    public ILocator NameContains => page.GetByLabel("Name contains", new() { Exact = true });

    public ILocator PageSize => page.GetByLabel("Per page", new() { Exact = true });

    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Show participants", Exact = true });

    public ILocator Rows => page.GetByTestId("participant-summary-row");

    public ILocator Names => page.GetByTestId("participant-name");

    public ILocator NavLink => page.GetByTestId("nav-participants");

    public bool IsShown => new Uri(page.Url).AbsolutePath == Path;

    /// <summary>The current address's query string, decoded, one value per name.</summary>
    public IReadOnlyDictionary<string, string> Query =>
        QueryHelpers.ParseQuery(new Uri(page.Url).Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    public async Task<IResponse?> OpenAsync(string query = "") => await page.GotoAsync(Path.TrimStart('/') + query);

    /// <summary>Fills the form as a person would and submits it; the response of the results page.</summary>
    public async Task<IResponse> ShowAsync(DateOnly from, DateOnly to, string name, int pageSize)
    {
        await From.FillAsync(Invariant(from));
        await To.FillAsync(Invariant(to));
        await NameContains.FillAsync(name);
        await PageSize.SelectOptionAsync(new SelectOptionValue { Value = pageSize.ToString(CultureInfo.InvariantCulture) });
        return await page.RunAndWaitForPageAsync(() => ShowButton.ClickAsync());
    }

    /// <summary>Clicks a column header by its sort key (name, meetings, sessions, connected_time, first_seen, last_seen, rooms).</summary>
    public async Task<IResponse> SortByAsync(string key) =>
        await page.RunAndWaitForPageAsync(() => page.GetByTestId("sort-" + key).ClickAsync());

    public async Task<IResponse> NextPageAsync() =>
        await page.RunAndWaitForPageAsync(() => page.GetByTestId("pager-next").ClickAsync());

    public async Task<IReadOnlyList<string>> NamesAsync() =>
        (await Names.AllTextContentsAsync()).Select(text => text.Trim()).ToList();

    /// <summary>The data-value of one column in every row, as integers, in page order.</summary>
    public async Task<IReadOnlyList<long>> ColumnAsync(string testId) =>
        (await page.GetByTestId(testId).EvaluateAllAsync<string[]>("cells => cells.map(cell => cell.dataset.value)"))
            .Select(value => long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToList();

    public async Task<int> MeetingsSummedAsync() =>
        int.Parse(await page.GetByTestId("meetings-summed").GetAttributeAsync("data-value") ?? "", NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Invariant(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
