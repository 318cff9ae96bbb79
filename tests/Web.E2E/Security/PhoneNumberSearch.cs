using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Finds whole phone numbers in whatever the app sends: HTML as sent and decoded, the strings of its JSON script
/// blocks (where '+' may be written \u002B), JSON and CSV bodies, and every part of a spreadsheet download.
/// </summary>
internal static partial class PhoneNumberSearch
{
    /// <summary>The texts to search in a response: one per view a reader (or a script) could take of it.</summary>
    public static async Task<IReadOnlyList<string>> TextsOfAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        if (bytes is [(byte)'P', (byte)'K', ..])
        {
            using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var parts = new List<string>();
            foreach (var entry in archive.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
                parts.Add(text);
                parts.Add(WebUtility.HtmlDecode(text));
            }

            return parts;
        }

        var body = Encoding.UTF8.GetString(bytes);
        return [body, WebUtility.HtmlDecode(body), .. JsonStrings(body)];
    }

    /// <summary>Each E.164-looking number and each known number (by its digits) found in <paramref name="texts"/>.</summary>
    public static IReadOnlyList<string> WholeNumbersIn(IReadOnlyList<string> texts, IReadOnlyCollection<string> knownNumbers) =>
        [.. texts.SelectMany(text => E164().Matches(text).Select(match => match.Value)
                .Concat(knownNumbers.Where(number => text.Contains(number[1..], StringComparison.Ordinal))))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The decoded strings (names and values) of every JSON script block, or of the body when it is JSON.</summary>
    private static IEnumerable<string> JsonStrings(string body)
    {
        var blocks = JsonBlock().Matches(body).Select(match => match.Groups["json"].Value).ToList();
        if (body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('['))
        {
            blocks.Add(body);
        }

        foreach (var block in blocks)
        {
            using var json = JsonDocument.Parse(block);
            var strings = new StringBuilder();
            Collect(json.RootElement, strings);
            yield return strings.ToString();
        }
    }

    private static void Collect(JsonElement element, StringBuilder into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    into.AppendLine(property.Name);
                    Collect(property.Value, into);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, into);
                }

                break;
            case JsonValueKind.String:
                into.AppendLine(element.GetString());
                break;
            default:
                into.AppendLine(element.GetRawText());
                break;
        }
    }

    [GeneratedRegex(@"\+\d{8,15}")]
    private static partial Regex E164();

    [GeneratedRegex(@"<script\b[^>]*type=""application/json""[^>]*>(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
