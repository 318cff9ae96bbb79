using Microsoft.Extensions.Localization;
using UMeetingReports.Core.Reports.Analytics;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// Names the meetings /meetings lists when its search or person narrows them, as its KPIs and months say what they
/// count: "Meetings matching “review”", "Meetings that Emma Johnson joined", or both.
/// </summary>
internal static class ListedMeetings
{
    /// <summary>The narrowed list's name; null when the filter counts every meeting of its period and room.</summary>
    public static string? Describe(IStringLocalizer text, AnalyticsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(filter);
        return (filter.Search, filter.Participant) switch
        {
            (null, null) => null,
            ({ } search, null) => text["Meetings matching “{0}”", search].Value,
            (null, { } person) => text["Meetings that {0} joined", person].Value,
            ({ } search, { } person) => text["Meetings that {0} joined matching “{1}”", person, search].Value,
        };
    }
}
