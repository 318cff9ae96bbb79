using UMeetingReports.Core.Reports.Analytics;

namespace UMeetingReports.Web.Formatting;

/// <summary>What the numbers of a chart are: yuan (two decimals) or whole counts (calls, minutes, meetings).</summary>
internal enum SeriesUnit
{
    Yuan,
    Count,
}

/// <summary>
/// A bar chart of a Core <see cref="ChartSeries"/>, drawn by wwwroot/js/charts.js and written out again as its "show
/// as table" alternative by _SeriesChart: the chart's JSON and the table hold the same numbers, one from one series.
/// </summary>
/// <param name="Id">The canvas's data-chart and the JSON block's id; also the data-testid stem of the figure.</param>
/// <param name="LabelHeader">The heading of the table's first column (what a label is: day, room, number, type).</param>
/// <param name="Horizontal">Bars run sideways, one row per label (long labels such as room names and numbers).</param>
/// <param name="Stacked">Datasets are stacked on each other rather than side by side.</param>
/// <param name="LabelText">How a label reads when it is a code (call types): its words; null shows labels as they are.</param>
/// <param name="ValueTitle">
/// The title of the value axis, with its unit ("Cost (¥)"); the label axis is then titled <paramref name="LabelHeader"/>.
/// Null draws both axes untitled.
/// </param>
/// <param name="Additive">
/// Whether the values add up across labels. A count of distinct names per month does not (a name of two months is one
/// name of the period): its table then has no total row, rather than a sum that is no figure of the period.
/// </param>
/// <param name="Faint">
/// Which labels' bars are drawn faint, a light fill inside the colour's outline: a month the period cuts, whose bar
/// would otherwise read as a whole month that fell. Null draws every bar alike.
/// </param>
internal sealed record SeriesChart(
    string Id,
    string Title,
    string Description,
    ChartSeries Series,
    SeriesUnit Unit,
    string LabelHeader,
    bool Horizontal = false,
    bool Stacked = false,
    Func<string, string>? LabelText = null,
    string? ValueTitle = null,
    bool Additive = true,
    Func<string, bool>? Faint = null)
{
    /// <summary>A label as people read it (the table and the chart show the same).</summary>
    public string LabelOf(string label) => LabelText is null ? label : LabelText(label);

    // Distinguishable in colour and in grey; call-in and call-out, the two usual types, come first.
    private static readonly string[] Palette = ["#3b6ea5", "#e8833a", "#2f9e44", "#9c36b5", "#c92a2a", "#868e96", "#1098ad", "#f08c00"];

    private static object? AxisTitle(string? text) => text is null ? null : new { Display = true, Text = text };

    /// <summary>The Chart.js configuration (data only; charts.js adds the behaviour).</summary>
    /// <param name="datasetLabel">A dataset's name as people read it: series keys localized, data (call types) as sent.</param>
    public object Configuration(Func<string, string> datasetLabel)
    {
        ArgumentNullException.ThrowIfNull(datasetLabel);
        // Counts tick at whole numbers: no axis of meetings or calls reads 0.5.
        var labelScale = new { Stacked, BeginAtZero = true, Ticks = new { AutoSkip = !Horizontal, Precision = (int?)null }, Title = AxisTitle(ValueTitle is null ? null : LabelHeader) };
        var valueScale = new { Stacked, BeginAtZero = true, Ticks = new { AutoSkip = !Horizontal, Precision = Unit == SeriesUnit.Count ? 0 : (int?)null }, Title = AxisTitle(ValueTitle) };
        return new
        {
            Type = "bar",
            Data = new
            {
                Labels = LabelText is null ? Series.Labels : Series.Labels.Select(LabelText).ToList(),
                Datasets = Series.Datasets.Select((dataset, index) =>
                {
                    var colour = Palette[index % Palette.Length];
                    return new
                    {
                        Label = datasetLabel(dataset.Name),
                        Data = dataset.Values,
                        BackgroundColor = Faint is null ? colour : (object)Series.Labels.Select(label => Faint(label) ? colour + "40" : colour).ToArray(),
                        BorderColor = colour,
                        BorderWidth = Faint is null ? 0 : 1,
                    };
                }).ToArray(),
            },
            Options = new
            {
                IndexAxis = Horizontal ? "y" : "x",
                Scales = Horizontal ? new { X = valueScale, Y = labelScale } : new { X = labelScale, Y = valueScale },
                Plugins = new { Legend = new { Display = Series.Datasets.Count > 1 } },
            },
            Meta = new
            {
                Rows = Horizontal ? Series.Labels.Count : (int?)null,
                ValuePrefix = Unit == SeriesUnit.Yuan ? "¥" : null,
                Decimals = Unit == SeriesUnit.Yuan ? 2 : 0,
            },
        };
    }
}
