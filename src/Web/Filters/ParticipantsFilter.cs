using Microsoft.AspNetCore.Mvc;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// The query string of /participants. Read like /meetings: every value binds as text and is checked here, a wrong
/// one is a message beside its field (HTTP 400); missing dates are today in the upstream's zone.
/// </summary>
internal sealed class ParticipantsFilter
{
    [FromQuery(Name = ParticipantsFields.From)]
    public string? From { get; set; }

    [FromQuery(Name = ParticipantsFields.To)]
    public string? To { get; set; }

    [FromQuery(Name = ParticipantsFields.HostId)]
    public string? HostId { get; set; }

    [FromQuery(Name = ParticipantsFields.Name)]
    public string? Name { get; set; }

    [FromQuery(Name = ParticipantsFields.Sort)]
    public string? Sort { get; set; }

    [FromQuery(Name = ParticipantsFields.Direction)]
    public string? Direction { get; set; }

    [FromQuery(Name = ParticipantsFields.PageSize)]
    public string? PageSize { get; set; }

    [FromQuery(Name = ParticipantsFields.PageNumber)]
    public string? PageNumber { get; set; }

    /// <summary>The criteria (defaults filled in) and every problem found; valid only when there is none.</summary>
    public ParticipantsFilterCheck Check(DateOnly today, UMeetingOptions options, RoomList rooms)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<FieldError>();

        var period = FilterValues.PeriodAndRoom(From, To, HostId, today, options, rooms, errors);
        var name = FilterValues.Text(ParticipantsFields.Name, Name, errors);
        var sort = SortOf(FilterValues.Text(ParticipantsFields.Sort, Sort, errors), errors);
        var descending = DescendingOf(FilterValues.Text(ParticipantsFields.Direction, Direction, errors), sort, errors);
        var pageSize = FilterValues.Whole(ParticipantsFields.PageSize, PageSize, errors) ?? FilterValues.DefaultPageSize;
        var pageNumber = FilterValues.Whole(ParticipantsFields.PageNumber, PageNumber, errors) ?? 1;

        pageSize = FilterValues.CheckPageSize(ParticipantsFields.PageSize, pageSize, options.MaxPageSize, errors);
        pageNumber = FilterValues.CheckPageNumber(ParticipantsFields.PageNumber, pageNumber, errors);

        return new ParticipantsFilterCheck(new ParticipantsCriteria(period.From, period.To, period.HostId, name, sort, descending, pageSize, pageNumber), errors);
    }

    private static ParticipantSort SortOf(string? text, List<FieldError> errors)
    {
        if (text is null)
        {
            return ParticipantsSorting.DefaultSort;
        }

        if (ParticipantsSorting.TryParse(text, out var sort))
        {
            return sort;
        }

        errors.Add(new(ParticipantsFields.Sort, "Sort by one of: {0}.", [string.Join(", ", ParticipantsSorting.Keys)]));
        return ParticipantsSorting.DefaultSort;
    }

    private static bool DescendingOf(string? text, ParticipantSort sort, List<FieldError> errors)
    {
        switch (text?.ToUpperInvariant())
        {
            case null:
                return ParticipantsSorting.DescendingFirst(sort);
            case "ASC":
                return false;
            case "DESC":
                return true;
            default:
                errors.Add(new(ParticipantsFields.Direction, "Use asc or desc.", []));
                return ParticipantsSorting.DescendingFirst(sort);
        }
    }
}

/// <summary>The query-string names: the upstream's where it has one (from, to, host_id, page_size, page_number).</summary>
internal static class ParticipantsFields
{
    public const string From = "from";
    public const string To = "to";
    public const string HostId = "host_id";
    public const string Name = "name";
    public const string Sort = "sort";
    public const string Direction = "dir";
    public const string PageSize = "page_size";
    public const string PageNumber = "page_number";
}

/// <summary>The sort keys of the address, and which way a column sorts when first chosen.</summary>
internal static class ParticipantsSorting
{
    /// <summary>"Who used the rooms, and for how long": the longest connected first.</summary>
    public const ParticipantSort DefaultSort = ParticipantSort.ConnectedTime;

    private static readonly (string Key, ParticipantSort Sort)[] Columns =
    [
        ("name", ParticipantSort.Name),
        ("meetings", ParticipantSort.Meetings),
        ("sessions", ParticipantSort.Sessions),
        ("connected_time", ParticipantSort.ConnectedTime),
        ("first_seen", ParticipantSort.FirstSeen),
        ("last_seen", ParticipantSort.LastSeen),
        ("rooms", ParticipantSort.Rooms),
    ];

    public static IEnumerable<string> Keys => Columns.Select(column => column.Key);

    public static string KeyOf(ParticipantSort sort) => Columns.First(column => column.Sort == sort).Key;

    public static bool TryParse(string text, out ParticipantSort sort)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Key, text, StringComparison.OrdinalIgnoreCase))
            {
                sort = column.Sort;
                return true;
            }
        }

        sort = DefaultSort;
        return false;
    }

    /// <summary>Names and first-seen read A to Z / oldest first; counts and times read largest or latest first.</summary>
    public static bool DescendingFirst(ParticipantSort sort) => sort is not (ParticipantSort.Name or ParticipantSort.FirstSeen);
}

internal sealed record ParticipantsFilterCheck(ParticipantsCriteria Criteria, IReadOnlyList<FieldError> Errors);

/// <summary>The filter as understood, defaults filled in; what links and the form are built from.</summary>
internal sealed record ParticipantsCriteria(
    DateOnly From,
    DateOnly To,
    string? HostId,
    string? Name,
    ParticipantSort Sort,
    bool Descending,
    int PageSize,
    int PageNumber)
{
    public ParticipantsRequest ToRequest(bool revealPhoneNumbers) =>
        new(new DatePeriod(From, To), HostId, Name, Sort, Descending, PageSize, PageNumber, revealPhoneNumbers);
}
