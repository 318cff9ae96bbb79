using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.Extensions;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// Writes any filter back as an address, in the names it is read by (<see cref="QueryFieldAttribute"/>), leaving out
/// what is null, empty or false. Days are always written, since "today" moves and a bookmark should not. Another page,
/// period or sort is the same filter <c>with</c> the change: <c>FilterLinks.To(path, filter with { PageNumber = 2 })</c>.
/// </summary>
internal static class FilterLinks
{
    public static string To(string path, QueryFilter filter) => path + Query(filter).ToUriComponent();

    public static QueryString Query(QueryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder();
        var fields = FilterFields.For(filter.GetType());
        foreach (var field in fields.Fields)
        {
            Add(query, field.Name, field.Write(filter));
        }

        foreach (var nested in fields.Nested)
        {
            if (nested.Property.GetValue(filter) is QueryFilter inner)
            {
                foreach (var field in nested.Fields.Fields.Where(field => !nested.Shares(field)))
                {
                    Add(query, nested.NameOf(field), field.Write(inner));
                }
            }
        }

        return query.ToQueryString();
    }

    private static void Add(QueryBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(name, value);
        }
    }
}

/// <summary>
/// Links to each meeting of one list, carrying the list (<see cref="MeetingFilter.Back"/>). The list's part of the
/// address is the same for every row of a table, so it is written once and each link adds only its record id,
/// query-encoded: a record id's '+', '/' and '=' arrive as themselves (%2B, %2F, %3D).
/// </summary>
internal sealed class MeetingLinks
{
    private readonly string _beforeUuid;
    private readonly string _afterUuid;

    public MeetingLinks(string meetingPath, MeetingsFilter list)
    {
        ArgumentNullException.ThrowIfNull(meetingPath);
        ArgumentNullException.ThrowIfNull(list);
        var listQuery = FilterLinks.Query(new MeetingFilter { From = list.From, To = list.To, Back = list }).ToUriComponent();

        // The record id comes first: "?uuid=…&from=…".
        (_beforeUuid, _afterUuid) = (meetingPath + "?" + MeetingFilter.UuidField + "=", "&" + listQuery[1..]);
    }

    /// <summary>
    /// The link as content of three parts, each HTML-encoded as the page is written: an attribute value of one
    /// string would be copied twice more per row, once joined and once encoded.
    /// </summary>
    public IHtmlContent For(string uuid)
    {
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        return new HtmlContentBuilder(3).Append(_beforeUuid).Append(UrlEncoder.Default.Encode(uuid)).Append(_afterUuid);
    }
}
