using Microsoft.AspNetCore.Mvc;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// The query string of /export: the report pages' own filter names (from, to, host_id, uuid, name) and what to write
/// (format, and for CSV the table). Checked like the pages: every value binds as text, a wrong one is a message
/// beside its name (HTTP 400); missing dates are today in the upstream's zone.
/// </summary>
internal sealed class ExportFilter
{
    [FromQuery(Name = ExportFields.From)]
    public string? From { get; set; }

    [FromQuery(Name = ExportFields.To)]
    public string? To { get; set; }

    [FromQuery(Name = ExportFields.HostId)]
    public string? HostId { get; set; }

    [FromQuery(Name = ExportFields.Uuid)]
    public string? Uuid { get; set; }

    /// <summary>The participants report's name search.</summary>
    [FromQuery(Name = ExportFields.Name)]
    public string? Name { get; set; }

    [FromQuery(Name = ExportFields.Format)]
    public string? Format { get; set; }

    [FromQuery(Name = ExportFields.Table)]
    public string? Table { get; set; }

    public ExportFilterCheck Check(DateOnly today, UMeetingOptions options, RoomList rooms)
    {
        var errors = new List<FieldError>();

        var period = FilterValues.PeriodAndRoom(From, To, HostId, today, options, rooms, errors);

        // Record ids are base64: a space is a '+' that arrived unencoded (as on /meeting).
        var uuid = FilterValues.Text(ExportFields.Uuid, Uuid?.Replace(' ', '+'), errors);
        var name = FilterValues.Text(ExportFields.Name, Name, errors);
        var format = FormatOf(FilterValues.Text(ExportFields.Format, Format, errors), errors);
        var table = TableOf(format, FilterValues.Text(ExportFields.Table, Table, errors), errors);
        var criteria = errors.Count == 0 ? new ExportCriteria(period.Period, period.HostId, uuid, table, name) : null;
        return new ExportFilterCheck(criteria, errors);
    }

    private static ExportFormat FormatOf(string? text, List<FieldError> errors)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "xlsx":
                return ExportFormat.Xlsx;
            case "csv":
                return ExportFormat.Csv;
            default:
                errors.Add(new(ExportFields.Format, "Choose the format xlsx or csv.", []));
                return ExportFormat.Xlsx;
        }
    }

    /// <summary>The CSV table; null for the workbook, which holds every table.</summary>
    private static CsvTable? TableOf(ExportFormat format, string? text, List<FieldError> errors)
    {
        CsvTable? table = text?.ToLowerInvariant() switch
        {
            null => null,
            "meetings" => CsvTable.Meetings,
            "participants" => CsvTable.Participants,
            "telephony" => CsvTable.Telephony,
            _ => null,
        };
        if (text is not null && table is null)
        {
            errors.Add(new(ExportFields.Table, "Choose the table meetings, participants or telephony.", []));
        }
        else if (format == ExportFormat.Csv && table is null)
        {
            errors.Add(new(ExportFields.Table, "A CSV file holds one table: add table=meetings, participants or telephony.", []));
        }
        else if (format == ExportFormat.Xlsx && table is not null)
        {
            errors.Add(new(ExportFields.Table, "The Excel workbook holds every table: leave table out, or ask for format=csv.", []));
        }

        return table;
    }
}

/// <summary>The query-string names: the report pages' (which are the upstream's) and the export's own.</summary>
internal static class ExportFields
{
    public const string From = "from";
    public const string To = "to";
    public const string HostId = "host_id";
    public const string Uuid = "uuid";
    public const string Name = "name";
    public const string Format = "format";
    public const string Table = "table";
}

internal enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <param name="Criteria">Null when any value is wrong (see <paramref name="Errors"/>).</param>
internal sealed record ExportFilterCheck(ExportCriteria? Criteria, IReadOnlyList<FieldError> Errors);
