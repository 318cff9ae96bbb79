using Microsoft.AspNetCore.Http.Extensions;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// The period and room of the report on screen, for the menu's links to the other reports: comparing the pages of one
/// period and room then needs the dates once, not on every page. Only what every report reads is carried (a search, a
/// sort or a page is the list's own), and only from a report that accepted it: a page refused with a message (400) or
/// not found carries nothing, and neither does a report opened without them (today stays today).
/// </summary>
internal static class CarriedFilter
{
    /// <summary>The pages that read a period (the meeting's page reads the period it was found in, and no room).</summary>
    private static readonly HashSet<string> Reports = new(StringComparer.Ordinal)
    {
        "/Meetings/Index", "/Participants/Index", "/Telephony/Index", "/Rooms/Index", "/Meeting/Index",
    };

    private static readonly string[] Carried = [ReportFilter.FromField, ReportFilter.ToField, ReportFilter.HostIdField];

    /// <summary>"?from=…&amp;to=…&amp;host_id=…" of the request, as it was asked; empty when there is nothing to carry.</summary>
    public static string QueryOf(HttpContext context, string page)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.StatusCode >= StatusCodes.Status400BadRequest || !Reports.Contains(page))
        {
            return string.Empty;
        }

        var query = new QueryBuilder();
        foreach (var name in Carried)
        {
            if (context.Request.Query[name] is { Count: 1 } value && !string.IsNullOrEmpty(value[0]))
            {
                query.Add(name, value[0]!);
            }
        }

        return query.ToQueryString().ToUriComponent();
    }
}
