using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// The app's English interface texts, read from its compiled resources (the English file, whose values are the keys
/// the code uses), cut at their placeholders into the phrases a page could show: "Records {0}–{1} of {2}" gives
/// "Records", "of". A phrase found on a Chinese page is an English text left untranslated.
/// </summary>
internal static partial class EnglishTexts
{
    /// <summary>
    /// Words a Chinese page may hold in English, and why: the switcher names English in English, so that a reader
    /// who cannot read Chinese still finds it; Archive:Since is the name of a setting, written as the configuration
    /// spells it; Excel and CSV are the names of the file formats, which Chinese software writes in Latin letters too.
    /// </summary>
    public static readonly IReadOnlyList<string> Allowed = ["English", "Archive:Since", "Excel", "CSV"];

    /// <summary>
    /// Connecting words that remain between placeholders ("{0} of {1}"): alone they are no text of the interface, and
    /// technical details (a database error, a reason from the meeting service) hold them.
    /// </summary>
    private static readonly string[] Connectors = ["of", "in", "on", "at", "to", "by", "or", "an", "as", "is", "it", "if", "and", "the"];

    /// <summary>Every phrase of the English resources that has two letters or more, longest first.</summary>
    public static IReadOnlyList<string> Phrases { get; } = Read();

    /// <summary>
    /// The English phrases found in <paramref name="texts"/> once the data (<paramref name="data"/>: topics, names,
    /// rooms, ids, which are not interface text) and the allowed words are taken out, each with the text it was in.
    /// </summary>
    public static IReadOnlyList<string> FoundIn(IEnumerable<string> texts, IEnumerable<string> data)
    {
        // Only what holds a Latin letter can hide or make an English phrase. A page shows a value's line breaks and
        // tabs as spaces ("Quarterly plan\r\nsecond line" reads "Quarterly plan second line"), so both are compared so.
        var removed = data.Concat(Allowed).Select(value => OneSpaced(value.Trim())).Where(value => value.Any(char.IsAsciiLetter))
            .Distinct(StringComparer.Ordinal).OrderByDescending(value => value.Length).ToList();
        var found = new List<string>();
        foreach (var text in texts.Where(text => text.Any(char.IsAsciiLetter)))
        {
            var left = OneSpaced(text);
            foreach (var value in removed)
            {
                left = left.Replace(value, " ", StringComparison.Ordinal);
            }

            foreach (var phrase in Phrases)
            {
                if (Regex.IsMatch(left, $"(?<![A-Za-z]){Regex.Escape(phrase)}(?![A-Za-z])"))
                {
                    found.Add($"\"{phrase}\" in \"{text}\"");
                }
            }
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// What a reader meets in a page's HTML, for tests without a browser: the text between tags (scripts and styles
    /// left out), and the title, aria-label and placeholder attributes, one line each, entities decoded.
    /// </summary>
    public static IReadOnlyList<string> TextsOf(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var markup = Unrendered().Replace(html, " ");
        var attributes = ReadAttribute().Matches(markup).Select(match => match.Groups["value"].Value);
        var text = Tag().Replace(markup, "\n");
        return [.. attributes.Concat(text.Split("\n"))
            .Select(line => System.Net.WebUtility.HtmlDecode(line).Trim())
            .Where(line => line.Length > 0)];
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Unrendered();

    [GeneratedRegex(@"\b(title|aria-label|placeholder)=""(?<value>[^""]*)""")]
    private static partial Regex ReadAttribute();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    private static string OneSpaced(string text) => WhiteSpace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static List<string> Read()
    {
        var resources = new ResourceManager("UMeetingReports.Web.Resources.SharedResource", typeof(Program).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("The web app's English resources were not found.");
        var values = set.Cast<DictionaryEntry>().Select(entry => (string)entry.Value!).ToList();
        if (values.Count < 200)
        {
            throw new InvalidOperationException($"Only {values.Count} English texts were read: the resources are not the app's.");
        }

        return [.. values
            .SelectMany(value => Placeholder().Split(value))
            .Select(phrase => phrase.Trim(' ', '.', ',', ':', ';', '(', ')', '"', '“', '”', '·', '–', '—', '«', '»', '‹', '›'))
            .Where(phrase => phrase.Count(char.IsAsciiLetter) >= 2 && !Connectors.Contains(phrase, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(phrase => phrase.Length)];
    }

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
