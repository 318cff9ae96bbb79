using System.Globalization;
using Microsoft.Playwright;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>One chart of an analytics page: its canvas as Chart.js drew it, and its "show as table" alternative.</summary>
public sealed class ChartFigure(IPage page, string id)
{
    public string Id => id;

    public ILocator Canvas => page.GetByTestId($"chart-{id}-canvas");

    public ILocator ShowAsTable => page.GetByTestId($"chart-{id}-show-table");

    public ILocator Table => page.GetByTestId($"chart-{id}-table");

    /// <summary>
    /// What the canvas shows: Chart.js's labels and values (label by label, dataset by dataset, as the table lists them)
    /// and whether its pixels differ from a blank canvas of the same size (a chart object alone proves no painting).
    /// </summary>
    public async Task<ChartState> StateAsync() =>
        await Canvas.EvaluateAsync<ChartState>(
            """
            canvas => {
              const chart = window.Chart ? window.Chart.getChart(canvas) : undefined;
              const blank = document.createElement('canvas');
              blank.width = canvas.width;
              blank.height = canvas.height;
              const labels = chart ? chart.data.labels : [];
              return {
                Labels: labels.map(String),
                Numbers: labels.flatMap((_, index) => chart.data.datasets.map(set => set.data[index])),
                Painted: canvas.width > 0 && canvas.height > 0 && canvas.toDataURL() !== blank.toDataURL(),
              };
            }
            """);

    /// <summary>Opens the table alternative as a person would, by its "Show as table" summary.</summary>
    public async Task OpenTableAsync()
    {
        await ShowAsTable.ClickAsync();
        await Table.WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    /// <summary>The table's labels and its value cells (their data-value), in page order.</summary>
    public async Task<(IReadOnlyList<string> Labels, IReadOnlyList<decimal> Values)> TableAsync()
    {
        var labels = await Table.GetByTestId("chart-label").AllTextContentsAsync();
        var values = await Table.GetByTestId("chart-value").EvaluateAllAsync<string[]>("cells => cells.map(cell => cell.dataset.value)");
        return ([.. labels.Select(label => label.Trim())], [.. values.Select(value => decimal.Parse(value, CultureInfo.InvariantCulture))]);
    }

    public async Task<decimal> TableTotalAsync() =>
        decimal.Parse(await Table.GetByTestId("chart-total").GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);
}

/// <summary>Labels and values Chart.js holds for a canvas, and whether the canvas was painted.</summary>
public sealed record ChartState
{
    public string[] Labels { get; init; } = [];

    /// <summary>As JavaScript holds them (doubles), for the JSON bridge.</summary>
    public double[] Numbers { get; init; } = [];

    /// <summary>The values as amounts: a double from a two-decimal JSON number converts back to that exact decimal.</summary>
    public IReadOnlyList<decimal> Values() => [.. Numbers.Select(number => (decimal)number)];

    public bool Painted { get; init; }
}
