using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>/meetings: the filter form, the results table, the pager, and the layout around them.</summary>
public sealed class MeetingsPage(IPage page)
{
    public const string Path = "/meetings";

    public ILocator From => page.GetByLabel("From", new() { Exact = true });

    public ILocator To => page.GetByLabel("To", new() { Exact = true });

    public ILocator Room => page.GetByLabel("Room", new() { Exact = true });

    public ILocator PageSize => page.GetByLabel("Per page", new() { Exact = true });

    public ILocator Participants => page.GetByRole(AriaRole.Switch, new() { Name = "People", Exact = true });

    public ILocator PhoneUsage => page.GetByRole(AriaRole.Switch, new() { Name = "Phone usage", Exact = true });

    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Show meetings", Exact = true });

    public ILocator Rows => page.GetByTestId("meeting-row");

    public ILocator EmptyState => page.GetByTestId("empty-state");

    public ILocator DemoBanner => page.GetByTestId("demo-banner");

    public ILocator CurrentUser => page.GetByTestId("current-user");

    public ILocator SignOutButton => page.GetByTestId("logout");

    /// <summary>The message shown beside a form field, by the field's query-string name.</summary>
    public ILocator ErrorFor(string field) => page.GetByTestId($"error-{field}");

    public bool IsShown => new Uri(page.Url).AbsolutePath == Path;

    /// <summary>The current address's query string, decoded, one value per name.</summary>
    public IReadOnlyDictionary<string, string> Query =>
        QueryHelpers.ParseQuery(new Uri(page.Url).Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    public async Task<IResponse?> OpenAsync(string query = "") => await page.GotoAsync(Path.TrimStart('/') + query);

    /// <summary>The rooms the select offers (host id, label), without "All rooms".</summary>
    public async Task<IReadOnlyList<(string HostId, string Label)>> RoomChoicesAsync()
    {
        var options = Room.Locator("option:not([value=''])");
        var values = await options.EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        var labels = await options.AllTextContentsAsync();
        return values.Zip(labels, (value, label) => (value, label.Trim())).ToList();
    }

    /// <summary>Fills the form as a person would and submits it; the response of the results page.</summary>
    public async Task<IResponse> ShowAsync(DateOnly from, DateOnly to, string? hostId = null, int? pageSize = null, bool participants = false, bool phoneUsage = false)
    {
        await From.FillAsync(Invariant(from));
        await To.FillAsync(Invariant(to));
        await Room.SelectOptionAsync(new SelectOptionValue { Value = hostId ?? "" });
        if (pageSize is { } size)
        {
            await PageSize.SelectOptionAsync(new SelectOptionValue { Value = size.ToString(CultureInfo.InvariantCulture) });
        }

        await Participants.SetCheckedAsync(participants);
        await PhoneUsage.SetCheckedAsync(phoneUsage);
        return await ShownAsync(await page.RunAndWaitForPageAsync(() => ShowButton.ClickAsync()));
    }

    /// <summary>
    /// The response of a page that holds the table: a period whose months the archive has not read yet answers 202
    /// with a progress bar and reloads itself once they are in; the table then shows, and a reload answers 200.
    /// </summary>
    public async Task<IResponse> ShownAsync(IResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != 202)
        {
            return response;
        }

        await page.GetByTestId("meetings-table").Or(page.GetByTestId("empty-state")).WaitForAsync(new() { Timeout = 90_000 });
        return (await page.ReloadAsync())!;
    }

    /// <summary>Opens the meeting of the row at <paramref name="index"/> (0-based) from its topic's link.</summary>
    public async Task<IResponse> OpenMeetingAsync(int index) =>
        await page.RunAndWaitForPageAsync(() => Rows.Nth(index).GetByTestId("meeting-link").ClickAsync());

    public async Task<IResponse> NextPageAsync() =>
        await page.RunAndWaitForPageAsync(() => page.GetByTestId("pager-next").ClickAsync());

    public async Task<IResponse> SignOutAsync() =>
        await page.RunAndWaitForPageAsync(() => SignOutButton.ClickAsync());

    /// <summary>The data-uuid of every meeting row, in page order.</summary>
    public async Task<IReadOnlyList<string>> RowUuidsAsync() =>
        await Rows.EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.uuid)");

    /// <summary>The room id of every meeting row (its room cell's tooltip names it), in page order.</summary>
    public async Task<IReadOnlyList<string>> RowHostIdsAsync() =>
        await page.GetByTestId("meeting-room").EvaluateAllAsync<string[]>("cells => cells.map(cell => cell.dataset.hostId)");

    public Task<int> TotalRecordAsync() => CountAsync("total-record");

    public Task<int> TotalPageAsync() => CountAsync("total-page");

    public Task<int> PageNumberAsync() => CountAsync("page-number");

    private async Task<int> CountAsync(string testId)
    {
        var value = await page.GetByTestId(testId).GetAttributeAsync("data-value")
            ?? throw new InvalidOperationException($"[data-testid={testId}] has no data-value.");
        return int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string Invariant(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
