using System.Globalization;
using Microsoft.Playwright;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>/rooms: the period and room form, the business hours, the per-room table, the heatmap, meetings per day.</summary>
public sealed class RoomsPage(IPage page)
{
    public const string Path = "/rooms";

    public ILocator NavLink => page.GetByTestId("nav-rooms");

    public ILocator From => page.GetByLabel("From", new() { Exact = true });

    public ILocator To => page.GetByLabel("To", new() { Exact = true });

    public ILocator Room => page.GetByLabel("Room", new() { Exact = true });

    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Show rooms", Exact = true });

    public ILocator BusinessHours => page.GetByTestId("business-hours");

    public ILocator RoomRows => page.GetByTestId("room-row");

    public ILocator Heatmap => page.GetByTestId("heatmap");

    public ILocator HeatCells => page.GetByTestId("heat-cell");

    public ChartFigure MeetingsPerDay => new(page, "rooms-meetings-per-day");

    public bool IsShown => new Uri(page.Url).AbsolutePath == Path;

    public async Task<IResponse> OpenFromNavigationAsync() => await page.RunAndWaitForPageAsync(() => NavLink.ClickAsync());

    public async Task<IResponse> ShowAsync(DateOnly from, DateOnly to, string? hostId = null)
    {
        await From.FillAsync(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await To.FillAsync(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Room.SelectOptionAsync(new SelectOptionValue { Value = hostId ?? "" });
        return await page.RunAndWaitForPageAsync(() => ShowButton.ClickAsync());
    }

    /// <summary>Clicks a column heading by its sort key (room, meetings, actual_minutes, participants, distinct_names, overflow, phone_cost, peak, utilisation).</summary>
    public async Task<IResponse> SortByAsync(string key) =>
        await page.RunAndWaitForPageAsync(() => page.GetByTestId("sort-" + key).ClickAsync());

    /// <summary>The numbers of one column of the room table, top to bottom (each cell's data-value).</summary>
    public async Task<IReadOnlyList<decimal>> ColumnAsync(string testId) =>
        [.. (await RoomRows.GetByTestId(testId).EvaluateAllAsync<string[]>("cells => cells.map(cell => cell.dataset.value)"))
            .Select(value => decimal.Parse(value, CultureInfo.InvariantCulture))];

    public async Task<IReadOnlyList<string>> RoomChoicesAsync() =>
        await Room.Locator("option:not([value=''])").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");

    /// <summary>Every heatmap cell: its seconds (data-value) and its shade class (heat-0 .. heat-5).</summary>
    public async Task<IReadOnlyList<(long Seconds, string Shade)>> HeatCellsAsync()
    {
        var cells = await HeatCells.EvaluateAllAsync<string[][]>(
            "cells => cells.map(cell => [cell.dataset.value, [...cell.classList].find(name => /^heat-\\d$/.test(name)) || ''])");
        return [.. cells.Select(cell => (long.Parse(cell[0], CultureInfo.InvariantCulture), cell[1]))];
    }
}
