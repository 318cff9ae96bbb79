using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Participants;

namespace UMeetingReports.Web.Filters;

/// <summary>/participants: the period and room, a name search, the sort and the page.</summary>
[ValidateNever]
internal sealed record ParticipantsFilter : PagedReportFilter
{
    public const string NameField = "name";
    public const string SortField = "sort";
    public const string DirectionField = "dir";

    /// <summary>"Who used the rooms, and for how long": the longest connected first.</summary>
    public const ParticipantSort DefaultSort = ParticipantSort.ConnectedTime;

    [QueryField(NameField)]
    public string? Name { get; set; }

    /// <summary>Always set once checked; null only while the address leaves it out.</summary>
    [QueryField(SortField, Invalid = "Sort by one of: {0}.")]
    public ParticipantSort? Sort { get; set; }

    /// <summary>Always set once checked: the column's natural way when the address leaves it out.</summary>
    [QueryField(DirectionField, Invalid = "Use asc or desc.")]
    public SortDirection? Direction { get; set; }

    public ParticipantSort SortedBy => Sort ?? DefaultSort;

    /// <summary>The column's name in the address, e.g. <c>connected_time</c>.</summary>
    public static string KeyOf(ParticipantSort sort) => FilterField.KeyOf(sort);

    public bool Descending => (Direction ?? NaturalDirection(SortedBy)) == SortDirection.Desc;

    /// <summary>Names and first-seen read A to Z / oldest first; counts and times read largest or latest first.</summary>
    public static SortDirection NaturalDirection(ParticipantSort sort) =>
        sort is ParticipantSort.Name or ParticipantSort.FirstSeen ? SortDirection.Asc : SortDirection.Desc;

    /// <summary>The column sorted the other way when it is the current one, its natural way otherwise; from page 1.</summary>
    public ParticipantsFilter WithSort(ParticipantSort sort) => this with
    {
        Sort = sort,
        Direction = sort == SortedBy ? (Descending ? SortDirection.Asc : SortDirection.Desc) : NaturalDirection(sort),
        PageNumber = null,
    };

    /// <param name="reader">The reader's language, whose order the names and rooms follow.</param>
    public ParticipantsRequest ToRequest(bool revealPhoneNumbers, CultureInfo reader) =>
        new(Period, HostId, Name, SortedBy, Descending, PageSize, Page, revealPhoneNumbers) { TextOrder = TextOrder.For(reader) };

    public override void Check(FilterCheck check)
    {
        base.Check(check);

        // Written out in every link, so that a bookmark means the same thing whatever the defaults become.
        Sort = SortedBy;
        Direction ??= NaturalDirection(SortedBy);
    }
}

/// <summary>A sort's direction, written <c>asc</c> or <c>desc</c>.</summary>
internal enum SortDirection
{
    Asc,
    Desc,
}
