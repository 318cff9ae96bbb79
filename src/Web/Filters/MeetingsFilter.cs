using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// /meetings: the period and room, one record id, the optional columns, a search, one participant's meetings, the
/// sort and the page, in the upstream's own names where it has them.
/// </summary>
[ValidateNever]
internal sealed record MeetingsFilter : PagedReportFilter
{
    public const string UuidField = "uuid";
    public const string SearchField = "q";
    public const string ParticipantField = "participant";
    public const string SortField = "sort";
    public const string DirectionField = "dir";

    /// <summary>"What happened lately": the newest meetings first.</summary>
    public const MeetingSort DefaultSort = MeetingSort.StartTime;

    [QueryField(UuidField, PlusMayArriveAsSpace = true)]
    public string? Uuid { get; set; }

    [QueryField("show_participants")]
    public bool ShowParticipants { get; set; }

    [QueryField("show_telephony_usage")]
    public bool ShowTelephonyUsage { get; set; }

    /// <summary>A meeting ID's beginning, part of a topic or a room's name, or a record id.</summary>
    [QueryField(SearchField)]
    public string? Q { get; set; }

    /// <summary>A display name, exactly as shown: the meetings it joined.</summary>
    [QueryField(ParticipantField)]
    public string? Participant { get; set; }

    /// <summary>Null while the address leaves it out (the newest first), so that today's bookmarks keep their addresses.</summary>
    [QueryField(SortField, Invalid = "Sort by one of: {0}.")]
    public MeetingSort? Sort { get; set; }

    [QueryField(DirectionField, Invalid = "Use asc or desc.")]
    public SortDirection? Direction { get; set; }

    public MeetingSort SortedBy => Sort ?? DefaultSort;

    public bool Descending => (Direction ?? NaturalDirection(SortedBy)) == SortDirection.Desc;

    /// <summary>The list's order, which its downloads follow.</summary>
    public MeetingOrder Order => new(SortedBy, Descending);

    /// <summary>
    /// The order an address's <c>sort</c> and <c>dir</c> ask for, read as this list reads them (a column alone runs
    /// its natural way, a direction alone applies to the start time); null when it names neither.
    /// </summary>
    public static MeetingOrder? OrderOf(MeetingSort? sort, SortDirection? direction) =>
        sort is null && direction is null ? null : new MeetingsFilter { Sort = sort, Direction = direction }.Order;

    /// <summary>The column's name in the address, e.g. <c>start_time</c>.</summary>
    public static string KeyOf(MeetingSort sort) => FilterField.KeyOf(sort);

    /// <summary>Texts read A to Z; times, lengths, counts and money read latest or largest first.</summary>
    public static SortDirection NaturalDirection(MeetingSort sort) =>
        sort is MeetingSort.Room or MeetingSort.MeetingId or MeetingSort.Topic ? SortDirection.Asc : SortDirection.Desc;

    /// <summary>The column sorted the other way when it is the current one, its natural way otherwise; from page 1.</summary>
    public MeetingsFilter WithSort(MeetingSort sort) => this with
    {
        Sort = sort,
        Direction = sort == SortedBy ? (Descending ? SortDirection.Asc : SortDirection.Desc) : NaturalDirection(sort),
        PageNumber = null,
    };

    public override void Check(FilterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        base.Check(check);
        check.Person(ParticipantField, ParticipantName);
    }

    /// <summary>The search as it is run: trimmed, null when blank.</summary>
    public string? SearchText => AsSearch(Q);

    /// <summary>
    /// A search box's text as it is run: without the spaces and invisible format characters (a zero-width space pasted
    /// with it) at either end; null when nothing visible is left, which searches for nothing rather than for "".
    /// </summary>
    public static string? AsSearch(string? text)
    {
        static bool Invisible(char character) =>
            char.IsWhiteSpace(character) || char.GetUnicodeCategory(character) == System.Globalization.UnicodeCategory.Format;

        var trimmed = text.AsSpan();
        while (trimmed.Length > 0 && Invisible(trimmed[0]))
        {
            trimmed = trimmed[1..];
        }

        while (trimmed.Length > 0 && Invisible(trimmed[^1]))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.IsEmpty ? null : trimmed.ToString();
    }

    /// <summary>The person as it is looked up (exactly), null when blank.</summary>
    public string? ParticipantName => string.IsNullOrEmpty(Participant) ? null : Participant;

    /// <summary>The KPIs and months of the meetings the list shows: its search and person narrow them too.</summary>
    public override AnalyticsFilter ToAnalyticsFilter() => base.ToAnalyticsFilter() with { Search = SearchText, Participant = ParticipantName };

    /// <param name="reader">The reader's language, whose order the room names follow when the list is sorted by room.</param>
    public MeetingsRequest ToRequest(CultureInfo reader) =>
        new(new MeetingQuery(Period, HostId, Uuid, ShowParticipants, ShowTelephonyUsage), PageSize, Page)
        {
            Search = SearchText,
            Participant = ParticipantName,
            Sort = SortedBy,
            Descending = Descending,
            TextOrder = TextOrder.For(reader),
        };
}
