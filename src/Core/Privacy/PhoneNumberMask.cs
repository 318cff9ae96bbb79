using System.Globalization;
using System.Text;

namespace UMeetingReports.Core.Privacy;

/// <summary>
/// Hides the middle of a phone number for people who may not see it whole: <c>+8613712349201</c> becomes
/// <c>+86 137****9201</c>, <c>+14155552671</c> <c>+1 41****2671</c>. The country code and the last four digits stay,
/// so a caller can still be recognised; at least four digits are hidden where the number is long enough.
/// Results that are masked are built from the masked text only, so the whole number never reaches a page.
/// </summary>
public static class PhoneNumberMask
{
    private const int KeptTrailing = 4;
    private const int MaxKeptLeading = 3;

    /// <summary>
    /// Leading digits are given up before fewer than four digits are hidden: a guess then has 10,000 candidates,
    /// whatever the country (a ten-digit North American or British number kept three leading digits and hid three).
    /// </summary>
    private const int MinHidden = 4;

    /// <summary>A national number shorter than this is not trusted to be one; it is masked as an unknown shape.</summary>
    private const int MinNationalDigits = 6;

    /// <summary>E.164 allows at most 15 digits after the plus.</summary>
    private const int MaxDigits = 15;

    /// <summary>
    /// Unknown shapes keep their last four characters only when at least as many are hidden; anything shorter is
    /// hidden entirely, since four characters of five would give the number away.
    /// </summary>
    private const int MinLengthToKeepTrailing = 2 * KeptTrailing;

    /// <summary>
    /// Two-digit country calling codes (ITU-T E.164 assignments). Codes are prefix-free: 1 and 7 are the only
    /// one-digit codes, these are the two-digit ones, and every other code has three digits.
    /// </summary>
    private static readonly HashSet<string> TwoDigitCountryCodes =
    [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    ];

    /// <summary>
    /// <c>+86 137****9201</c> for an E.164 number (spaces, dashes, dots and brackets allowed in the input); any other
    /// shape keeps its last four characters at most. Empty (or null) stays empty.
    /// </summary>
    public static string Mask(string e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return string.Empty;
        }

        var compact = Compact(e164);
        if (compact.Length > 1 && compact[0] == '+' && IsDigits(compact.AsSpan(1)) && compact.Length - 1 <= MaxDigits)
        {
            var digits = compact[1..];
            var countryCode = digits[..CountryCodeLength(digits)];
            var national = digits[countryCode.Length..];
            if (national.Length >= MinNationalDigits)
            {
                var leading = Math.Clamp(national.Length - KeptTrailing - MinHidden, 0, MaxKeptLeading);
                var hidden = national.Length - leading - KeptTrailing;
                return $"+{countryCode} {national[..leading]}{new string('*', hidden)}{national[^KeptTrailing..]}";
            }
        }

        if (e164.Length < MinLengthToKeepTrailing)
        {
            return new string('*', e164.Length);
        }

        // Never cut a surrogate pair in two: the kept tail would start with half a character.
        var hiddenLength = char.IsLowSurrogate(e164[^KeptTrailing]) ? e164.Length - KeptTrailing + 1 : e164.Length - KeptTrailing;
        return new string('*', hiddenLength) + e164[hiddenLength..];
    }

    /// <summary>
    /// True for text made only of digits (7 to 15 of them), an optional leading plus and separators: what a
    /// dial-in participant's "name" usually is, so the participant views mask it like a telephony number.
    /// </summary>
    public static bool LooksLikePhoneNumber(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var compact = Compact(text);
        var digits = compact.StartsWith('+') ? compact.AsSpan(1) : compact.AsSpan();
        return digits.Length is >= 7 and <= MaxDigits && IsDigits(digits);
    }

    /// <summary>The text itself, or its mask when it looks like a phone number (see <see cref="LooksLikePhoneNumber"/>).</summary>
    public static string MaskIfPhoneNumber(string text) => LooksLikePhoneNumber(text) ? Mask(text) : text;

    private static int CountryCodeLength(string digits)
    {
        if (digits[0] is '1' or '7')
        {
            return 1;
        }

        return digits.Length >= 2 && TwoDigitCountryCodes.Contains(digits[..2]) ? 2 : Math.Min(3, digits.Length);
    }

    /// <summary>
    /// The number's characters alone: compatibility forms folded (the full-width digits and plus that Chinese input
    /// methods type, １３７…, read as 137…), separators and invisible format characters left out.
    /// </summary>
    private static string Compact(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).Where(character =>
            character is not (' ' or '-' or '.' or '(' or ')') && char.GetUnicodeCategory(character) != UnicodeCategory.Format));

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
