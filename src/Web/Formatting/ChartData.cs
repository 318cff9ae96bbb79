using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace UMeetingReports.Web.Formatting;

/// <summary>
/// A chart's data as a <c>&lt;script type="application/json" id="…"&gt;</c> block, which wwwroot/js/charts.js reads
/// for the <c>&lt;canvas data-chart="…"&gt;</c> of the same id. The block holds a Chart.js configuration made of data
/// only (type, data, options) plus <c>meta</c> hints for charts.js; no code, so the CSP needs no inline script.
/// </summary>
internal static class ChartData
{
    // The default encoder escapes <, >, & and quotes as \uXXXX: a name like "</script>" cannot end the block.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IHtmlContent Script(string id, object configuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(configuration);
        var script = new TagBuilder("script");
        script.Attributes["type"] = "application/json";
        script.Attributes["id"] = id;
        script.InnerHtml.AppendHtml(JsonSerializer.Serialize(configuration, configuration.GetType(), Json));
        return script;
    }
}
