using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>
/// Reads an analytics page the way its progress script does: while the page shows a progress bar, its status address
/// is polled until the gathering is done, then the page is asked for again and holds the figures (or the failure).
/// </summary>
internal static partial class GatheredPages
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task<(HttpStatusCode Status, string Html)> GetGatheredPageAsync(this HttpSession session, string relative)
    {
        ArgumentNullException.ThrowIfNull(session);
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            var (status, html) = await session.GetPageAsync(relative);
            if (StatusUrl(html) is not { } statusUrl)
            {
                return (status, html);
            }

            await WaitUntilDoneAsync(session, statusUrl, giveUpAt);
        }
    }

    /// <summary>The progress bar's status address, or null when the page shows no progress bar.</summary>
    public static string? StatusUrl(string html) =>
        StatusAttribute().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["url"].Value) : null;

    private static async Task WaitUntilDoneAsync(HttpSession session, string statusUrl, DateTime giveUpAt)
    {
        while (DateTime.UtcNow < giveUpAt)
        {
            using var response = await session.GetAsync(statusUrl);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            if (status.RootElement.GetProperty("done").GetBoolean())
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The gathering at {statusUrl} was not done within {Patience.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
    }

    [GeneratedRegex(@"data-status-url=""(?<url>[^""]+)""")]
    private static partial Regex StatusAttribute();
}

/// <summary>A chart's data as the page embeds it for charts.js: its labels and each dataset's values.</summary>
internal sealed partial record ChartJson(IReadOnlyList<string> Labels, IReadOnlyList<(string Label, IReadOnlyList<decimal> Values)> Datasets)
{
    public decimal Total => Datasets.Sum(dataset => dataset.Values.Sum());

    /// <summary>The values of every dataset added up per label.</summary>
    public IReadOnlyList<decimal> PerLabel => [.. Labels.Select((_, index) => Datasets.Sum(dataset => dataset.Values[index]))];

    public static ChartJson Read(string html, string id)
    {
        using var json = JsonDocument.Parse(Block(html, id));
        var data = json.RootElement.GetProperty("data");
        return new ChartJson(
            [.. data.GetProperty("labels").EnumerateArray().Select(label => label.GetString()!)],
            [.. data.GetProperty("datasets").EnumerateArray().Select(dataset => (
                dataset.GetProperty("label").GetString()!,
                (IReadOnlyList<decimal>)[.. dataset.GetProperty("data").EnumerateArray().Select(value => value.GetDecimal())]))]);
    }

    /// <summary>The titles of the chart's value axis and label axis (<paramref name="value"/> and <paramref name="label"/> are "x" or "y"), null where none shows.</summary>
    public static (string? Value, string? Label) AxisTitles(string html, string id, string value, string label)
    {
        using var json = JsonDocument.Parse(Block(html, id));
        var scales = json.RootElement.GetProperty("options").GetProperty("scales");
        return (Title(scales.GetProperty(value)), Title(scales.GetProperty(label)));

        static string? Title(JsonElement axis) =>
            axis.TryGetProperty("title", out var title) && title.GetProperty("display").GetBoolean() ? title.GetProperty("text").GetString() : null;
    }

    /// <summary>The decimals the ticks of an axis ("x" or "y") are held to, null when Chart.js chooses.</summary>
    public static int? TickPrecision(string html, string id, string axis)
    {
        using var json = JsonDocument.Parse(Block(html, id));
        var ticks = json.RootElement.GetProperty("options").GetProperty("scales").GetProperty(axis).GetProperty("ticks");
        return ticks.TryGetProperty("precision", out var precision) ? precision.GetInt32() : null;
    }

    /// <summary>The fill of each bar of the chart's first dataset (one colour repeated when all are drawn alike).</summary>
    public static IReadOnlyList<string> BarFills(string html, string id)
    {
        using var json = JsonDocument.Parse(Block(html, id));
        var data = json.RootElement.GetProperty("data");
        var fill = data.GetProperty("datasets")[0].GetProperty("backgroundColor");
        return fill.ValueKind == JsonValueKind.Array
            ? [.. fill.EnumerateArray().Select(colour => colour.GetString()!)]
            : [.. data.GetProperty("labels").EnumerateArray().Select(_ => fill.GetString()!)];
    }

    private static string Block(string html, string id)
    {
        var block = Regex.Match(html, $@"<script(?=[^>]*type=""application/json"")[^>]*id=""{Regex.Escape(id)}""[^>]*>(?<json>.*?)</script>", RegexOptions.Singleline);
        Assert.True(block.Success, $"No chart data block with the id {id}.");
        return block.Groups["json"].Value;
    }
}

/// <summary>The numbers of a chart's "show as table" alternative, read from the page's HTML.</summary>
internal static class ChartTable
{
    /// <summary>The &lt;details&gt; block of the chart <paramref name="id"/>.</summary>
    public static string Of(string html, string id)
    {
        var block = Regex.Match(html, $@"data-testid=""chart-{Regex.Escape(id)}-details"".*?</details>", RegexOptions.Singleline);
        Assert.True(block.Success, $"No table alternative for the chart {id}.");
        return block.Value;
    }

    /// <summary>Every value cell, label by label and dataset by dataset within a label (the chart's order).</summary>
    public static IReadOnlyList<decimal> Values(string html, string id) =>
        [.. Hooks.Values(Of(html, id), "chart-value").Select(value => decimal.Parse(value, CultureInfo.InvariantCulture))];

    public static IReadOnlyList<string> Labels(string html, string id) =>
        [.. Regex.Matches(Of(html, id), @"data-testid=""chart-label"">(?<label>[^<]*)<").Select(match => WebUtility.HtmlDecode(match.Groups["label"].Value))];

    public static decimal Total(string html, string id) =>
        decimal.Parse(Hooks.Value(Of(html, id), "chart-total") ?? throw new InvalidOperationException($"The table of {id} has no total."), CultureInfo.InvariantCulture);
}

/// <summary>The chart's values in the order its table lists them: label by label, dataset by dataset.</summary>
internal static class ChartJsonOrder
{
    public static IReadOnlyList<decimal> ByLabel(this ChartJson chart) =>
        [.. chart.Labels.SelectMany((_, index) => chart.Datasets.Select(dataset => dataset.Values[index]))];
}
