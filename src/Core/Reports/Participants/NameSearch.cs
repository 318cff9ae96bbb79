using UMeetingReports.Core.Privacy;

namespace UMeetingReports.Core.Reports.Participants;

/// <summary>
/// The participants report's name search, shared by its page and its download: a case-insensitive substring
/// (invariant culture) of the name as the user is shown it. Without <c>revealPhoneNumbers</c> names that are phone
/// numbers are masked first, so the hidden digits of a number cannot be found by searching for them.
/// </summary>
internal sealed class NameSearch
{
    private readonly string? _text;

    public NameSearch(string? text, bool revealPhoneNumbers)
    {
        _text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Shown = revealPhoneNumbers ? static name => name : PhoneNumberMask.MaskIfPhoneNumber;
    }

    /// <summary>A name as this user sees it.</summary>
    public Func<string, string> Shown { get; }

    /// <summary>True when there is no search: everyone matches.</summary>
    public bool IsEveryone => _text is null;

    /// <summary>Whether the name, as shown (see <see cref="Shown"/>), holds the search text.</summary>
    public bool MatchesShown(string shownName) =>
        _text is null || shownName.Contains(_text, StringComparison.InvariantCultureIgnoreCase);

    /// <summary>Whether the upstream's name matches, once shown as this user sees it.</summary>
    public bool Matches(string name) => _text is null || MatchesShown(Shown(name));
}
