using Microsoft.Extensions.Localization;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Formatting;

namespace UMeetingReports.Web.Pages.Shared;

/// <summary>
/// A failure of the meeting service, or the archive's note on a month it did not keep, as one sentence in the reader's
/// language: the reason of the 502 page and of /archive's "Last error" column.
/// </summary>
internal static class UpstreamFailureText
{
    public static string Of(IStringLocalizer text, UpstreamFailure failure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(failure);

        static string Window(DatePeriod period) => Display.Period(period.From, period.To);
        return failure switch
        {
            UpstreamRejected rejected => text[
                "The meeting service refused the request for {0}: {1} (status {2}).",
                Window(rejected.Window),
                rejected.Message == UpstreamRejected.NoReasonGiven ? text[UpstreamRejected.NoReasonGiven].Value : rejected.Message,
                rejected.Status],
            UpstreamPeriodCutShort cut => text["The meeting service cut this period short: asked for {0}, it answered for {1}.", Window(cut.Window), Window(cut.Answered)],
            UpstreamUnreachable { Why.IsArchiveNote: true } note => text["The month {0} was not archived: {1}.", Window(note.Window), UnreachableText.Of(text, note.Why)],
            UpstreamUnreachable unreachable => text["The meeting service did not answer for {0}: {1}.", Window(unreachable.Window), UnreachableText.Of(text, unreachable.Why)],
            _ => text["The meeting service did not give a complete answer for {0}.", Window(failure.Window)],
        };
    }
}
