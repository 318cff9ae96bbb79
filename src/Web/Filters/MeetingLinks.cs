using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.Extensions;
using UMeetingReports.Web.Formatting;
using UMeetingReports.Web.Pages.Meetings;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// Links to one meeting that carry the list they come from. Every value is query-encoded, so a record id's '+',
/// '/' and '=' arrive as themselves (%2B, %2F, %3D); a '+' left bare would arrive as a space.
/// </summary>
internal static class MeetingLinks
{
    /// <summary>
    /// The links of every meeting of one list: the list's part of the query is the same for each row of a table,
    /// so it is encoded once and each link adds only its record id.
    /// </summary>
    public static MeetingListLinks ForList(string meetingPath, MeetingsCriteria list)
    {
        ArgumentNullException.ThrowIfNull(meetingPath);
        ArgumentNullException.ThrowIfNull(list);
        var query = new QueryBuilder
        {
            { MeetingFields.From, Display.Invariant(list.From) },
            { MeetingFields.To, Display.Invariant(list.To) },
        };
        AddIfPresent(query, MeetingFields.BackHostId, list.HostId);
        AddIfPresent(query, MeetingFields.BackUuid, list.Uuid);
        AddIfPresent(query, MeetingFields.BackShowParticipants, list.ShowParticipants ? "true" : null);
        AddIfPresent(query, MeetingFields.BackShowTelephonyUsage, list.ShowTelephonyUsage ? "true" : null);
        query.Add(MeetingFields.BackPageSize, Display.Invariant(list.PageSize));
        query.Add(MeetingFields.BackPageNumber, Display.Invariant(list.PageNumber));

        // The record id comes first, as a QueryBuilder with it first would write it: "?uuid=…&from=…".
        var listQuery = query.ToQueryString().ToUriComponent();
        return new MeetingListLinks(
            meetingPath + "?" + MeetingFields.Uuid + "=",
            "&" + listQuery[1..]);
    }

    private static void AddIfPresent(QueryBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(name, value);
        }
    }
}

/// <summary>See <see cref="MeetingLinks.ForList"/>.</summary>
internal sealed class MeetingListLinks(string beforeUuid, string afterUuid)
{
    /// <summary>
    /// The link as content of three parts, each HTML-encoded as the page is written: an attribute value of one
    /// string would be copied twice more per row, once joined and once encoded.
    /// </summary>
    public IHtmlContent For(string uuid)
    {
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        return new HtmlContentBuilder(3).Append(beforeUuid).Append(UrlEncoder.Default.Encode(uuid)).Append(afterUuid);
    }
}
