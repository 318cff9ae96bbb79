using Microsoft.AspNetCore.Http.Extensions;
using UMeetingReports.Web.Formatting;
using UMeetingReports.Web.Pages.Meetings;

namespace UMeetingReports.Web.Pages.MeetingDetail;

/// <summary>
/// Links to one meeting that carry the list they come from. Every value is query-encoded, so a record id's '+',
/// '/' and '=' arrive as themselves (%2B, %2F, %3D); a '+' left bare would arrive as a space.
/// </summary>
internal static class MeetingLinks
{
    public static string For(string meetingPath, string uuid, MeetingsCriteria list)
    {
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        ArgumentNullException.ThrowIfNull(list);
        var query = new QueryBuilder
        {
            { MeetingFields.Uuid, uuid },
            { MeetingFields.From, Display.Invariant(list.From) },
            { MeetingFields.To, Display.Invariant(list.To) },
        };
        AddIfPresent(query, MeetingFields.BackHostId, list.HostId);
        AddIfPresent(query, MeetingFields.BackUuid, list.Uuid);
        AddIfPresent(query, MeetingFields.BackShowParticipants, list.ShowParticipants ? "true" : null);
        AddIfPresent(query, MeetingFields.BackShowTelephonyUsage, list.ShowTelephonyUsage ? "true" : null);
        query.Add(MeetingFields.BackPageSize, Display.Invariant(list.PageSize));
        query.Add(MeetingFields.BackPageNumber, Display.Invariant(list.PageNumber));
        return meetingPath + query.ToQueryString().ToUriComponent();
    }

    private static void AddIfPresent(QueryBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(name, value);
        }
    }
}
