using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// The parameters each local address takes, learnt the way a visitor learns them: from the forms and links the app
/// itself writes. Each name keeps the first value the app used for it, escaped for a query string, so that a request
/// built from them is valid until a test spoils one.
/// </summary>
internal sealed partial class PageFields
{
    private readonly Dictionary<string, Dictionary<string, string>> _byPath = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByPath =>
        _byPath.ToDictionary(entry => entry.Key, entry => (IReadOnlyDictionary<string, string>)entry.Value, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Names => [.. _byPath.Values.SelectMany(fields => fields.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Every local link of a page (href values starting with a single slash), decoded.</summary>
    public static IEnumerable<string> LocalLinks(string html) =>
        Href().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups["href"].Value)).Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal));

    public void Add(string path, string name, string value)
    {
        if (name == "__RequestVerificationToken")
        {
            return;
        }

        if (!_byPath.TryGetValue(path, out var fields))
        {
            fields = new Dictionary<string, string>(StringComparer.Ordinal);
            _byPath[path] = fields;
        }

        fields.TryAdd(name, Uri.EscapeDataString(value));
    }

    /// <summary>The fields of every form and the query of every local link in <paramref name="html"/>, served at <paramref name="pagePath"/>.</summary>
    public void Learn(string pagePath, string html)
    {
        foreach (var link in LocalLinks(html))
        {
            var (path, query) = Split(link);
            foreach (var (name, values) in QueryHelpers.ParseQuery(query))
            {
                Add(path, name, values.ToString());
            }
        }

        foreach (Match form in Form().Matches(html))
        {
            var action = Attribute(form.Groups["attributes"].Value, "action") is { Length: > 0 } written ? Split(written).Path : pagePath;
            foreach (Match input in Input().Matches(form.Groups["body"].Value))
            {
                if (Attribute(input.Value, "name") is { Length: > 0 } name)
                {
                    Add(action, name, Attribute(input.Value, "value") ?? "");
                }
            }

            foreach (Match select in Select().Matches(form.Groups["body"].Value))
            {
                Add(action, WebUtility.HtmlDecode(select.Groups["name"].Value), WebUtility.HtmlDecode(select.Groups["first"].Value));
            }
        }
    }

    private static (string Path, string Query) Split(string address)
    {
        var question = address.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (address, "") : (address[..question], address[question..]);
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $@"\s{name}=""(?<value>[^""]*)""") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["value"].Value) : null;

    [GeneratedRegex(@"href=""(?<href>[^""]*)""")]
    private static partial Regex Href();

    [GeneratedRegex(@"<form\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex(@"<input\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex(@"<select\b[^>]*\sname=""(?<name>[^""]+)""[^>]*>.*?<option\b[^>]*\svalue=""(?<first>[^""]*)""", RegexOptions.Singleline)]
    private static partial Regex Select();
}
