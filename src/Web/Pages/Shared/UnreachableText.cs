using Microsoft.Extensions.Localization;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Shared;

/// <summary>Why the meeting service gave no usable answer, in the reader's language: the code's English template is the key of its translation.</summary>
internal static class UnreachableText
{
    public static string Of(IStringLocalizer text, UnreachableReason reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reason);

        // A kept sentence is shown as it was written: it has no template to translate.
        return reason.Cause == UnreachableCause.Noted
            ? reason.Facts.Count > 0 ? reason.Facts[0] : ""
            : text[reason.Template, [.. reason.Facts]];
    }
}
