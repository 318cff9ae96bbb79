using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Reports.Meetings;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// /export: the report pages' own fields (from, to, host_id, uuid, the participants report's name search, the meetings
/// report's search and person) and
/// what to write: the workbook (<c>format=xlsx</c>), or one table as CSV (<c>format=csv&amp;table=…</c>).
/// </summary>
[ValidateNever]
internal sealed record ExportFilter : ReportFilter
{
    public const string FormatField = "format";
    public const string TableField = "table";
    public const string ReportField = "report";

    [QueryField(MeetingsFilter.UuidField, PlusMayArriveAsSpace = true)]
    public string? Uuid { get; set; }

    /// <summary>The participants report's name search.</summary>
    [QueryField(ParticipantsFilter.NameField)]
    public string? Name { get; set; }

    /// <summary>The meetings report's search.</summary>
    [QueryField(MeetingsFilter.SearchField)]
    public string? Q { get; set; }

    /// <summary>The meetings report's person (an exact display name).</summary>
    [QueryField(MeetingsFilter.ParticipantField)]
    public string? Participant { get; set; }

    /// <summary>
    /// The meetings report's order (its <c>sort</c>), which the file's meetings follow; with <see cref="Direction"/>
    /// absent too, the archive's order (oldest first), as before the meetings report's buttons carried it.
    /// </summary>
    [QueryField(MeetingsFilter.SortField, Invalid = "Sort by one of: {0}.")]
    public MeetingSort? Sort { get; set; }

    /// <summary>The meetings report's <c>dir</c>, read as that report reads it.</summary>
    [QueryField(MeetingsFilter.DirectionField, Invalid = "Use asc or desc.")]
    public SortDirection? Direction { get; set; }

    [QueryField(FormatField, Invalid = "Choose the format xlsx or csv.")]
    public ExportFormat Format { get; set; }

    /// <summary>
    /// The report page whose button made the download (<c>report=rooms</c>), which its pages lead back to. Not part of
    /// the download itself: the same file asked from two pages is one job.
    /// </summary>
    [QueryField(ReportField, Invalid = "Choose the report meetings, participants, telephony or rooms.")]
    public DownloadReport? Report { get; set; }

    /// <summary>The CSV table; null for the workbook, which holds every table (a table named beside it is ignored).</summary>
    [QueryField(TableField, Invalid = "Choose the table meetings, participants, telephony or people.")]
    public CsvTable? Table { get; set; }

    /// <summary>The download as understood; usable once the filter passed its checks.</summary>
    public ExportCriteria ToCriteria() => new ExportCriteria(Period, HostId, Uuid, Table, Name).NarrowedTo(Q, Participant) with
    {
        Order = MeetingsFilter.OrderOf(Sort, Direction),
    };

    /// <summary>The filter that asks for <paramref name="criteria"/>, for its address, made from <paramref name="report"/>'s button.</summary>
    public static ExportFilter For(ExportCriteria criteria, DownloadReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return new()
        {
            Report = report,
            From = criteria.Period.From,
            To = criteria.Period.To,
            HostId = criteria.HostId,
            Uuid = criteria.Uuid,
            Name = criteria.ParticipantName,
            Q = criteria.Search,
            Participant = criteria.Participant,

            // Both written out, so that the file keeps its order whatever the defaults become.
            Sort = criteria.Order?.Sort,
            Direction = criteria.Order is { } order ? (order.Descending ? SortDirection.Desc : SortDirection.Asc) : null,
            Format = criteria.Format,
            Table = criteria.Table,
        };
    }

    public override void Check(FilterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        base.Check(check);
        check.Person(MeetingsFilter.ParticipantField, Participant);
        if (Format == ExportFormat.Xlsx && !check.HasError(FormatField))
        {
            // The workbook holds every table: a table named beside it, known or not, asks for nothing it lacks.
            check.Ignore(TableField);
            Table = null;
        }
        else if (Format == ExportFormat.Csv && Table is null && !check.HasError(TableField))
        {
            check.Error(TableField, "A CSV file holds one table: add table=meetings, participants, telephony or people.");
        }
    }
}

internal enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>The report pages that have download buttons, each named in the address as its path is.</summary>
internal enum DownloadReport
{
    Meetings,
    Participants,
    Telephony,
    Rooms,
}
