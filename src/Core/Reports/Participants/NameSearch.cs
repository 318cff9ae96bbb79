using System.Globalization;
using UMeetingReports.Core.Privacy;

namespace UMeetingReports.Core.Reports.Participants;

/// <summary>
/// The participants report's name search, shared by its page and its download: a substring of the name as the user
/// is shown it, found whatever the case, the width (a full-width "Ｇrace" finds "Grace"), the accents ("Jose" finds
/// "José") and the punctuation and spaces ("wei’s" finds "Wei's"), or found character for character (an emoji inside a
/// joined one). Text the comparison ignores entirely (a lone zero-width joiner) is looked for character for character
/// only, so it does not match every name. Without <c>revealPhoneNumbers</c> names that are phone numbers are masked
/// first, so the hidden digits of a number cannot be found by searching for them.
/// </summary>
internal sealed class NameSearch
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreSymbols;

    private static readonly CompareInfo Invariant = CultureInfo.InvariantCulture.CompareInfo;

    private readonly string? _text;

    /// <summary>False when the text is all characters the loose comparison ignores: it would match at every name.</summary>
    private readonly bool _loose;

    public NameSearch(string? text, bool revealPhoneNumbers)
    {
        _text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        _loose = _text is not null && Invariant.Compare(_text, string.Empty, Loose) != 0;
        Shown = revealPhoneNumbers ? static name => name : PhoneNumberMask.MaskIfPhoneNumber;
    }

    /// <summary>A name as this user sees it.</summary>
    public Func<string, string> Shown { get; }

    /// <summary>True when there is no search: everyone matches.</summary>
    public bool IsEveryone => _text is null;

    /// <summary>Whether the name, as shown (see <see cref="Shown"/>), holds the search text.</summary>
    public bool MatchesShown(string shownName) =>
        _text is null
        || shownName.Contains(_text, StringComparison.OrdinalIgnoreCase)
        || (_loose && Invariant.IndexOf(shownName, _text, Loose) >= 0);

    /// <summary>Whether the upstream's name matches, once shown as this user sees it.</summary>
    public bool Matches(string name) => _text is null || MatchesShown(Shown(name));
}
