using Microsoft.AspNetCore.Mvc;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// The query string of /meetings, in the upstream's own parameter names so that a bookmark reads like the request
/// it makes. Every value binds as text and is parsed here, so a malformed number or flag is a message beside its
/// field (HTTP 400), never a binding exception.
/// </summary>
internal sealed class MeetingsFilter
{
    public const int MaxLength = FilterValues.MaxLength;
    public const int DefaultPageSize = FilterValues.DefaultPageSize;

    /// <summary>The sizes the form offers, none above UMeeting:MaxPageSize.</summary>
    public static IEnumerable<int> PageSizesUpTo(int largest) => FilterValues.PageSizesUpTo(largest);

    [FromQuery(Name = MeetingsFields.From)]
    public string? From { get; set; }

    [FromQuery(Name = MeetingsFields.To)]
    public string? To { get; set; }

    [FromQuery(Name = MeetingsFields.HostId)]
    public string? HostId { get; set; }

    [FromQuery(Name = MeetingsFields.Uuid)]
    public string? Uuid { get; set; }

    [FromQuery(Name = MeetingsFields.ShowParticipants)]
    public string? ShowParticipants { get; set; }

    [FromQuery(Name = MeetingsFields.ShowTelephonyUsage)]
    public string? ShowTelephonyUsage { get; set; }

    [FromQuery(Name = MeetingsFields.PageSize)]
    public string? PageSize { get; set; }

    [FromQuery(Name = MeetingsFields.PageNumber)]
    public string? PageNumber { get; set; }

    /// <summary>
    /// The criteria (missing values defaulted: both dates to <paramref name="today"/> in the upstream's zone) and every
    /// problem found; the request only when there is none.
    /// </summary>
    public MeetingsFilterCheck Check(DateOnly today, UMeetingOptions options, RoomList rooms)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<FieldError>();

        var period = FilterValues.PeriodAndRoom(From, To, HostId, today, options, rooms, errors);
        var uuid = FilterValues.Text(MeetingsFields.Uuid, Uuid, errors);
        var showParticipants = FilterValues.Flag(MeetingsFields.ShowParticipants, ShowParticipants, errors);
        var showTelephony = FilterValues.Flag(MeetingsFields.ShowTelephonyUsage, ShowTelephonyUsage, errors);
        var pageSize = FilterValues.Whole(MeetingsFields.PageSize, PageSize, errors) ?? DefaultPageSize;
        var pageNumber = FilterValues.Whole(MeetingsFields.PageNumber, PageNumber, errors) ?? 1;

        pageSize = FilterValues.CheckPageSize(MeetingsFields.PageSize, pageSize, options.MaxPageSize, errors);
        pageNumber = FilterValues.CheckPageNumber(MeetingsFields.PageNumber, pageNumber, errors);

        var criteria = new MeetingsCriteria(period.From, period.To, period.HostId, uuid, showParticipants, showTelephony, pageSize, pageNumber);
        return new MeetingsFilterCheck(criteria, errors, errors.Count == 0 ? criteria.ToRequest() : null);
    }

    /// <summary>Past the last page is only known once the upstream has told the totals.</summary>
    public static IReadOnlyList<FieldError> CheckPage(MeetingPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FilterValues.CheckPageExists(MeetingsFields.PageNumber, page.PageNumber, page.TotalPage, "Page {0} does not exist: the period has no meetings.");
    }
}

/// <summary>The query-string names, which are the upstream's.</summary>
internal static class MeetingsFields
{
    public const string From = "from";
    public const string To = "to";
    public const string HostId = "host_id";
    public const string Uuid = "uuid";
    public const string ShowParticipants = "show_participants";
    public const string ShowTelephonyUsage = "show_telephony_usage";
    public const string PageSize = "page_size";
    public const string PageNumber = "page_number";
}

internal sealed record MeetingsFilterCheck(MeetingsCriteria Criteria, IReadOnlyList<FieldError> Errors, MeetingsRequest? Request);

/// <summary>The filter as understood, defaults filled in; what links and the form are built from.</summary>
internal sealed record MeetingsCriteria(
    DateOnly From,
    DateOnly To,
    string? HostId,
    string? Uuid,
    bool ShowParticipants,
    bool ShowTelephonyUsage,
    int PageSize,
    int PageNumber)
{
    public MeetingsRequest ToRequest() =>
        new(new MeetingQuery(new DatePeriod(From, To), HostId, Uuid, ShowParticipants, ShowTelephonyUsage), PageSize, PageNumber);
}
