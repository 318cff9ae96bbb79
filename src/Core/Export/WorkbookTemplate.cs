using ClosedXML.Excel;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>A line of the Summary sheet: what it states and the value, typed like a column of its kind.</summary>
internal sealed record SummaryLine(string Item, ColumnKind Kind, ExportCell Value);

/// <summary>One sheet of a large table: its name (a table past the row limit continues on "Joins (2)") and its rows.</summary>
internal sealed record SheetPart(string Name, IReadOnlyList<ColumnHeader> Columns, long Rows)
{
    /// <summary>
    /// A table's sheets, as many as its <paramref name="rows"/> need at <paramref name="dataRowsPerSheet"/> (the first
    /// named after the table, then "Joins (2)" and on), each given <paramref name="reader"/>: consecutive sheets
    /// of one table share it, each taking its own rows.
    /// </summary>
    public static IEnumerable<(SheetPart Part, IEnumerator<ExportCell[]> Rows)> Split(
        string table, IReadOnlyList<ColumnHeader> columns, long rows, IEnumerator<ExportCell[]> reader, int dataRowsPerSheet)
    {
        var count = Math.Max(1, (int)((rows + dataRowsPerSheet - 1) / dataRowsPerSheet));
        for (var number = 1; number <= count; number++)
        {
            var name = number == 1 ? table : $"{table} ({number})";
            yield return (new SheetPart(name, columns, Math.Min(dataRowsPerSheet, rows - ((long)(number - 1) * dataRowsPerSheet))), reader);
        }
    }
}

/// <summary>
/// The workbook as ClosedXML builds it: the styles, every sheet's frame (bold frozen header, column widths, number
/// formats, an autofilter over the rows to come) and the small sheets whole. Each large sheet is a placeholder whose
/// second row is a probe: one styled cell per column, from which <see cref="WorkbookPackage"/> learns the style index
/// ClosedXML gave each column before it streams the real rows in the probe's place.
/// </summary>
internal static class WorkbookTemplate
{
    public const int HeaderRow = 1;
    public const int ProbeRow = 2;


    public static byte[] Build(
        IReadOnlyList<SummaryLine> summary,
        IReadOnlyList<SheetPart> largeSheets,
        ExportSheets sheets,
        IReadOnlyList<RoomTotals> rooms,
        IReadOnlyList<DayTotals> days,
        IReadOnlyList<CallTypeTotals> callTypes)
    {
        using var workbook = new XLWorkbook();

        var texts = sheets.Texts;
        IReadOnlyList<ColumnHeader> summaryColumns =
        [
            new(texts["Item"], ColumnKind.Text, ColumnWidths.ForValues(summary.Select(line => line.Item), 12)),
            new(texts["Value"], ColumnKind.Text, ColumnWidths.ForValues(summary.Select(line => CellFormats.Shown(line.Kind, line.Value)), 12)),
        ];
        var summarySheet = AddFramed(workbook, sheets.SummaryName, summaryColumns, summary.Count);
        for (var index = 0; index < summary.Count; index++)
        {
            var line = summary[index];
            CellFormats.Write(summarySheet.Cell(HeaderRow + 1 + index, 1), ColumnKind.Text, ExportCell.Of(line.Item));
            CellFormats.Write(summarySheet.Cell(HeaderRow + 1 + index, 2), line.Kind, line.Value);
        }

        // A value longer than the widest column allowed (the narrowing's sentence) wraps instead of being cut.
        summarySheet.Column(2).Style.Alignment.WrapText = true;
        summarySheet.Column(2).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        summarySheet.Column(1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

        foreach (var part in largeSheets)
        {
            var placeholder = AddFramed(workbook, part.Name, part.Columns, part.Rows);
            for (var column = 0; column < part.Columns.Count; column++)
            {
                var kind = part.Columns[column].Kind;
                var probe = placeholder.Cell(ProbeRow, column + 1);
                CellFormats.Write(probe, kind, ProbeValue(kind));

                // The probe's style is every streamed cell's of the column: a wrapping column gets a style of its own.
                if (part.Columns[column].Wraps)
                {
                    probe.Style.Alignment.WrapText = true;
                }
            }
        }

        AddTable(workbook, sheets.Rooms, rooms);
        AddTable(workbook, sheets.Daily, days);
        AddTable(workbook, sheets.CallTypes, callTypes);

        // The total of every type closes the table, as on the telephony page.
        workbook.Worksheet(sheets.CallTypes.Name).Row(HeaderRow + callTypes.Count).Style.Font.Bold = true;

        using var package = new MemoryStream();
        workbook.SaveAs(package);
        return package.ToArray();
    }

    /// <summary>The meetings report's search and person, as the Summary states them (a Viewer sees a number masked).</summary>
    private static IEnumerable<SummaryLine> MeetingsNarrowedTo(ExportRequest request, ExportTexts t)
    {
        if (request.SearchText is { } search)
        {
            yield return new(t["Meetings matching the search (meeting ID starts with it; topic or room contains it; or the record id)"], ColumnKind.Text, ExportCell.Of(search));
        }

        if (!string.IsNullOrEmpty(request.Participant))
        {
            var name = request.RevealPhoneNumbers ? request.Participant : PhoneNumberMask.MaskIfPhoneNumber(request.Participant);
            yield return new(t["Meetings joined by (exact name; each meeting with every join and call)"], ColumnKind.Text, ExportCell.Of(name));
        }
    }

    /// <summary>
    /// A period that had not ended when the file was made is counted up to that moment, as the pages say ("up to
    /// today"): the Summary says so beside the period, so that its figures are not read as the whole period's.
    /// </summary>
    private static IEnumerable<SummaryLine> CountedUpTo(ExportRequest request, UpstreamZone zone, ExportTexts t)
    {
        var madeAt = zone.WallClockOf(request.GeneratedAt);
        if (request.Period.To >= DateOnly.FromDateTime(madeAt))
        {
            yield return new(t["Counted up to ({0}): the period had not ended", zone.Id], ColumnKind.DateTime, ExportCell.Of(madeAt));
        }
    }

    /// <summary>
    /// What the Summary states: the filters, the zone, when and by whom the file was made, the period's KPIs, and the
    /// rooms' peak and utilisation as the room usage page states them.
    /// </summary>
    public static IReadOnlyList<SummaryLine> Summary(ExportRequest request, RoomList rooms, UpstreamZone zone, RoomUsageTotals usage, BusinessHoursRule businessHours, ExportTexts t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var figures = usage.Figures;

        // A file of some meetings only (a search, a person, names, one record) has their peak and utilisation, which
        // say nothing of licences or of how full the rooms were: their names say whose they are.
        var narrowed = request.NarrowsMeetings || !request.NameSearch.IsEveryone || !string.IsNullOrEmpty(request.Uuid);
        var room = string.IsNullOrEmpty(request.HostId) ? t["All rooms"] : $"{rooms.NameOf(request.HostId)} ({request.HostId})";
        IReadOnlyList<SummaryLine> record = string.IsNullOrEmpty(request.Uuid) ? [] : [new(t["Meeting record (uuid)"], ColumnKind.Text, ExportCell.Of(request.Uuid))];
        IReadOnlyList<SummaryLine> people = request.NameSearch.IsEveryone
            ? []
            :
            [
                new(t["Participant name contains"], ColumnKind.Text, ExportCell.Of(request.ParticipantName!.Trim())),
                new(t["Narrowed to"], ColumnKind.Text, ExportCell.Of(t["The meetings a matching participant joined, with only their joins; the phone calls are those meetings' calls"])),
            ];
        return
        [
            new(t["Period from ({0})", zone.Id], ColumnKind.Date, ExportCell.Of(request.Period.From.ToDateTime(TimeOnly.MinValue))),
            new(t["Period to ({0})", zone.Id], ColumnKind.Date, ExportCell.Of(request.Period.To.ToDateTime(TimeOnly.MinValue))),
            .. CountedUpTo(request, zone, t),
            new(t["Room"], ColumnKind.Text, ExportCell.Of(room)),
            .. record,
            .. people,
            .. MeetingsNarrowedTo(request, t),
            new(t["Meetings in order of (their joins and calls follow them)"], ColumnKind.Text, ExportCell.Of(t.Order(request.Order))),
            new(t["Language"], ColumnKind.Text, ExportCell.Of(t.LanguageName)),
            new(t["Time zone of every time in this file"], ColumnKind.Text, ExportCell.Of(zone.Describe())),
            new(t["Generated at ({0})", zone.Id], ColumnKind.DateTime, ExportCell.Of(zone.WallClockOf(request.GeneratedAt))),
            new(t["Generated by"], ColumnKind.Text, ExportCell.Of(request.RequestedBy)),
            new(t["Phone numbers"], ColumnKind.Text, ExportCell.Of(request.RevealPhoneNumbers ? t["Shown in full"] : t["Masked"])),
            new(t["Meetings|count"], ColumnKind.Integer, ExportCell.Of(figures.Meetings)),
            new(t["Meetings still running"], ColumnKind.Integer, ExportCell.Of(figures.RunningMeetings)),
            new(t["Overflow meetings (is_extra)"], ColumnKind.Integer, ExportCell.Of(figures.OverflowMeetings)),
            new(t["Scheduled minutes"], ColumnKind.Integer, ExportCell.Of(figures.ScheduledMinutes)),
            new(t["Actual minutes (ended meetings)"], ColumnKind.Integer, ExportCell.Of(figures.ActualMinutes)),
            new(t["Joins (participant rows)"], ColumnKind.Integer, ExportCell.Of(figures.ParticipantRows)),
            new(t["People (each name once per meeting)"], ColumnKind.Integer, ExportCell.Of(figures.Attendees)),
            new(t["Distinct names"], ColumnKind.Integer, ExportCell.Of(figures.DistinctNames)),
            new(t["Phone calls"], ColumnKind.Integer, ExportCell.Of(figures.Calls)),
            new(t["Phone minutes"], ColumnKind.Integer, ExportCell.Of(figures.CallMinutes)),
            new(t["Phone cost"], ColumnKind.Money, ExportCell.Of(figures.CallCost)),
            new(
                narrowed ? t["Peak concurrent meetings of this file's meetings"] : t["Peak concurrent meetings (the licences needed at once)"],
                ColumnKind.Integer,
                ExportCell.Of(usage.PeakConcurrentMeetings)),
            new(t["Business hours (utilisation is measured against them)"], ColumnKind.Text, ExportCell.Of(t.BusinessHours(businessHours.Days, businessHours.Start, businessHours.End, businessHours.ZoneLabel))),
            new(t["Business minutes (all rooms listed)"], ColumnKind.Integer, ExportCell.Of(ExportSheets.WholeMinutes(usage.Utilisation.Available))),
            new(narrowed ? t["Business minutes occupied by this file's meetings"] : t["Occupied business minutes"], ColumnKind.Integer, ExportCell.Of(ExportSheets.WholeMinutes(usage.Utilisation.Occupied))),
            new(narrowed ? t["Utilisation by this file's meetings only"] : t["Utilisation"], ColumnKind.Percent, ExportCell.Of(usage.Utilisation.Ratio)),
        ];
    }

    /// <summary>A small sheet written whole; its columns as wide as their widest value (the large sheets keep their set widths).</summary>
    private static void AddTable<TRow>(XLWorkbook workbook, SheetDefinition<TRow> definition, IReadOnlyList<TRow> rows)
    {
        var columns = definition.Columns;
        var cells = new ExportCell[columns.Count];
        var filled = rows.Select(row =>
        {
            definition.Fill(row, cells);
            return cells.ToArray();
        }).ToList();
        IReadOnlyList<ColumnHeader> measured =
        [
            .. columns.Select((column, index) => new ColumnHeader(
                column.Header,
                column.Kind,
                ColumnWidths.ForValues(filled.Select(values => CellFormats.Shown(column.Kind, values[index])), column.Width))),
        ];
        var sheet = AddFramed(workbook, definition.Name, measured, rows.Count);
        for (var index = 0; index < filled.Count; index++)
        {
            for (var column = 0; column < columns.Count; column++)
            {
                CellFormats.Write(sheet.Cell(HeaderRow + 1 + index, column + 1), columns[column].Kind, filled[index][column]);
            }
        }
    }

    /// <summary>
    /// A sheet with its header (bold, frozen), each column wide enough for its header and its values (computed from
    /// the text: AdjustToContents needs a graphics library), an autofilter over its rows, and a page setup that prints:
    /// A4 landscape, one page wide however long, the header repeated on every page.
    /// </summary>
    private static IXLWorksheet AddFramed(XLWorkbook workbook, string name, IReadOnlyList<ColumnHeader> columns, long dataRows)
    {
        var sheet = workbook.AddWorksheet(name);
        for (var column = 0; column < columns.Count; column++)
        {
            sheet.Cell(HeaderRow, column + 1).SetValue<string>(columns[column].Header);
            sheet.Column(column + 1).Width = ColumnWidths.Fit(columns[column].Header, columns[column].Width);
        }

        sheet.Row(HeaderRow).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(HeaderRow);
        sheet.Range(HeaderRow, 1, HeaderRow + (int)dataRows, columns.Count).SetAutoFilter();
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        return sheet;
    }

    /// <summary>A value of each kind, so that ClosedXML writes the probe cell with its style.</summary>
    private static ExportCell ProbeValue(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => ExportCell.Of("probe"),
        ColumnKind.DateTime or ColumnKind.Date => ExportCell.Of(new DateTime(2000, 1, 1)),
        _ => ExportCell.Of(1L),
    };
}
