using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;

namespace UMeetingReports.Web.Formatting;

/// <summary>
/// A counted noun in the reader's language: English says "1 call" and "2 calls", so each text has a form for one and a
/// form for any other count (both are resource keys); Chinese counts without plurals, and its resources give both
/// forms the same words.
/// </summary>
internal static class Plural
{
    public static LocalizedString Of(IStringLocalizer text, int count, string one, string other, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[count == 1 ? one : other, arguments];
    }

    public static LocalizedHtmlString Of(IHtmlLocalizer text, int count, string one, string other, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[count == 1 ? one : other, arguments];
    }
}
