using Microsoft.Extensions.Localization;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Web.Formatting;

namespace UMeetingReports.Web.Pages.Meeting;

/// <summary>A flaw in the meeting service's data, in the reader's language, with times to the second (a join and a leave may differ by less than a minute).</summary>
internal static class DataFlawText
{
    public static LocalizedString Of(IStringLocalizer text, DataFlaw flaw)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(flaw);
        var (at, other) = (Display.Invariant(flaw.At), Display.Invariant(flaw.Other));
        return flaw.Kind switch
        {
            DataFlawKind.EndBeforeStart => text["The meeting's end ({0}) is before its start ({1}); the meeting is counted as having no length.", at, other],
            DataFlawKind.NoLeaveTime => text["“{0}” joined at {1} and has no leave time although the meeting has ended; the row is counted until {2}.", flaw.Name ?? "", at, other],
            _ => text["“{0}” joined at {1} but left at {2}, before joining; the row is counted as an instant at {1}.", flaw.Name ?? "", at, other],
        };
    }
}
