using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.RoomUsage;

namespace UMeetingReports.Web.Filters;

/// <summary>/rooms: the period and the room of the heatmap, and the order of the table of every room.</summary>
[ValidateNever]
internal sealed record RoomsFilter : ReportFilter
{
    public const string SortField = "sort";
    public const string DirectionField = "dir";

    /// <summary>"How full is each room": the busiest first.</summary>
    public const RoomSort DefaultSort = RoomSort.Utilisation;

    /// <summary>Always set once checked; null only while the address leaves it out.</summary>
    [QueryField(SortField, Invalid = "Sort by one of: {0}.")]
    public RoomSort? Sort { get; set; }

    /// <summary>Always set once checked: the column's natural way when the address leaves it out.</summary>
    [QueryField(DirectionField, Invalid = "Use asc or desc.")]
    public SortDirection? Direction { get; set; }

    public RoomSort SortedBy => Sort ?? DefaultSort;

    /// <summary>The column's name in the address, e.g. <c>actual_minutes</c>.</summary>
    public static string KeyOf(RoomSort sort) => FilterField.KeyOf(sort);

    public bool Descending => (Direction ?? NaturalDirection(SortedBy)) == SortDirection.Desc;

    /// <summary>Names read A to Z; counts, money and shares largest first.</summary>
    public static SortDirection NaturalDirection(RoomSort sort) => sort == RoomSort.Room ? SortDirection.Asc : SortDirection.Desc;

    /// <summary>The column sorted the other way when it is the current one, its natural way otherwise.</summary>
    public RoomsFilter WithSort(RoomSort sort) => this with
    {
        Sort = sort,
        Direction = sort == SortedBy ? (Descending ? SortDirection.Asc : SortDirection.Desc) : NaturalDirection(sort),
    };

    /// <param name="reader">The reader's language, whose order the room names follow.</param>
    public RoomUsageRequest ToRequest(CultureInfo reader) => new(Period, HostId, SortedBy, Descending) { TextOrder = TextOrder.For(reader) };

    public override void Check(FilterCheck check)
    {
        base.Check(check);

        // Written out in every link, so that a bookmark means the same thing whatever the defaults become.
        Sort = SortedBy;
        Direction ??= NaturalDirection(SortedBy);
    }
}
