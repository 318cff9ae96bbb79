using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Export.Bench;

/// <summary>
/// The baseline: the same cells as the exporter's workbook (same columns, values, masking, styles, frozen header,
/// widths, autofilter, inline strings) written straight from the meetings in memory by a hand-written
/// <see cref="OpenXmlWriter"/> into a <see cref="SpreadsheetDocument"/>, with the same reuse of elements and attribute
/// lists as the exporter. No schema, no spool, no ClosedXML, no temporary file: what it costs to only write the cells.
/// </summary>
internal static class BaselineWriter
{
    private const uint Header = 1;
    private const uint TextStyle = 2;
    private const uint IntegerStyle = 3;
    private const uint MoneyStyle = 4;
    private const uint DateTimeStyle = 5;
    private const uint DateStyle = 6;
    private const uint BooleanStyle = 7;

    public static void Write(IReadOnlyList<Meeting> meetings, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new List<(string Name, string Id)>();
        var zone = BenchData.Zone.Id;
        var rooms = BenchData.Rooms.Rooms.ToDictionary(room => room.HostId, room => room.Name, StringComparer.Ordinal);

        void Sheet(string name, (string Header, uint Style, double Width)[] columns, Action<Cells> rows)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            sheets.Add((name, workbookPart.GetIdOfPart(part)));
            using var writer = OpenXmlWriter.Create(part);
            var cells = new Cells(writer);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new Columns());
            for (var index = 0; index < columns.Length; index++)
            {
                writer.WriteElement(new Column { Min = (uint)index + 1, Max = (uint)index + 1, Width = columns[index].Width, CustomWidth = true });
            }

            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            cells.StartRow();
            foreach (var column in columns)
            {
                cells.Text(column.Header, Header);
            }

            cells.EndRow();
            rows(cells);
            writer.WriteEndElement();
            writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Length)}{cells.RowIndex}" });
            writer.WriteEndElement();
        }

        var figures = MeetingFigures.Of(meetings);
        Sheet("Summary", [("Item", Header, 36), ("Value", TextStyle, 44)], cells =>
        {
            void Line(string item, Action<Cells> value)
            {
                cells.StartRow();
                cells.Text(item, TextStyle);
                value(cells);
                cells.EndRow();
            }

            Line($"Period from ({zone})", c => c.Time(BenchData.Period.From.ToDateTime(TimeOnly.MinValue), DateStyle));
            Line($"Period to ({zone})", c => c.Time(BenchData.Period.To.ToDateTime(TimeOnly.MinValue), DateStyle));
            Line("Meetings", c => c.Integer(figures.Meetings));
            Line("Joins (participant rows)", c => c.Integer(figures.ParticipantRows));
            Line("Phone calls", c => c.Integer(figures.Calls));
            Line("Phone cost", c => c.Money(figures.CallCost));
        });

        Sheet("Meetings",
        [
            ("Meeting UUID", TextStyle, 28), ("Meeting ID", TextStyle, 14), ("Room", TextStyle, 24), ("Room ID", TextStyle, 24), ("Topic", TextStyle, 40),
            ($"Start ({zone})", DateTimeStyle, 21), ($"End ({zone})", DateTimeStyle, 21), ("Running", BooleanStyle, 9), ("Overflow (is_extra)", BooleanStyle, 11),
            ("Scheduled minutes", IntegerStyle, 11), ("Actual minutes", IntegerStyle, 11), ("Participants", IntegerStyle, 12), ("Joins", IntegerStyle, 9),
            ("Phone calls", IntegerStyle, 9), ("Phone minutes", IntegerStyle, 10), ("Phone cost", MoneyStyle, 13),
        ], cells =>
        {
            foreach (var meeting in meetings)
            {
                cells.StartRow();
                cells.Text(meeting.Uuid);
                cells.Text(meeting.MeetingId);
                cells.Text(rooms[meeting.HostId]);
                cells.Text(meeting.HostId);
                cells.Text(meeting.Topic);
                cells.Time(WallClock(meeting.Start), DateTimeStyle);
                cells.Time(meeting.End is { } end ? WallClock(end) : null, DateTimeStyle);
                cells.Boolean(meeting.IsRunning);
                cells.Boolean(meeting.IsExtra);
                cells.Integer(meeting.ScheduledMinutes);
                cells.Integer(meeting.ActualMinutes);
                cells.Integer(meeting.DistinctParticipants);
                cells.Integer(meeting.Participants.Count);
                cells.Integer(meeting.Telephony.Count);
                cells.Integer(meeting.TelephonyMinutes);
                cells.Money(meeting.TelephonyCost);
                cells.EndRow();
            }
        });

        Sheet("Joins",
        [
            ("Meeting UUID", TextStyle, 28), ("Meeting ID", TextStyle, 14), ("Topic", TextStyle, 40), ("Room", TextStyle, 24), ("Room ID", TextStyle, 24),
            ("Participant", TextStyle, 28), ($"Join ({zone})", DateTimeStyle, 21), ($"Leave ({zone})", DateTimeStyle, 21), ("Connected minutes", IntegerStyle, 11),
            ("Still connected", BooleanStyle, 10),
        ], cells =>
        {
            foreach (var meeting in meetings)
            {
                foreach (var participant in meeting.Participants)
                {
                    cells.StartRow();
                    cells.Text(meeting.Uuid);
                    cells.Text(meeting.MeetingId);
                    cells.Text(meeting.Topic);
                    cells.Text(rooms[meeting.HostId]);
                    cells.Text(meeting.HostId);
                    cells.Text(PhoneNumberMask.MaskIfPhoneNumber(participant.Name));
                    cells.Time(WallClock(participant.JoinTime), DateTimeStyle);
                    cells.Time(participant.LeaveTime is { } leave ? WallClock(leave) : null, DateTimeStyle);
                    cells.Integer(participant.LeaveTime is { } left ? (long)Math.Max(0, (left - participant.JoinTime).TotalMinutes) : null);
                    cells.Boolean(participant.IsConnected);
                    cells.EndRow();
                }
            }
        });

        Sheet("Telephony",
        [
            ("Meeting UUID", TextStyle, 28), ("Meeting ID", TextStyle, 14), ("Topic", TextStyle, 40), ("Room", TextStyle, 24), ("Room ID", TextStyle, 24),
            ("Phone number", TextStyle, 20), ("Type", TextStyle, 10), ($"Start ({zone})", DateTimeStyle, 21), ($"End ({zone})", DateTimeStyle, 21),
            ("Phone minutes", IntegerStyle, 10), ("Phone cost", MoneyStyle, 13),
        ], cells =>
        {
            foreach (var meeting in meetings)
            {
                foreach (var call in meeting.Telephony)
                {
                    cells.StartRow();
                    cells.Text(meeting.Uuid);
                    cells.Text(meeting.MeetingId);
                    cells.Text(meeting.Topic);
                    cells.Text(rooms[meeting.HostId]);
                    cells.Text(meeting.HostId);
                    cells.Text(PhoneNumberMask.Mask(call.PhoneNumber));
                    cells.Text(call.Type);
                    cells.Time(WallClock(call.StartTime), DateTimeStyle);
                    cells.Time(call.EndTime is { } end ? WallClock(end) : null, DateTimeStyle);
                    cells.Integer(call.Minutes);
                    cells.Money(call.Cost);
                    cells.EndRow();
                }
            }
        });

        var figureColumns = new (string, uint, double)[]
        {
            ("Meetings", IntegerStyle, 10), ("Running", IntegerStyle, 9), ("Overflow meetings", IntegerStyle, 11), ("Scheduled minutes", IntegerStyle, 11),
            ("Actual minutes", IntegerStyle, 11), ("Joins", IntegerStyle, 9), ("Attendees", IntegerStyle, 10), ("Distinct participants", IntegerStyle, 12),
            ("Phone calls", IntegerStyle, 9), ("Phone minutes", IntegerStyle, 10), ("Phone cost", MoneyStyle, 13),
        };
        Sheet("Rooms", [("Room", TextStyle, 24), ("Room ID", TextStyle, 24), .. figureColumns], cells =>
        {
            foreach (var room in meetings.GroupBy(meeting => meeting.HostId, StringComparer.Ordinal).OrderBy(room => room.Key, StringComparer.Ordinal))
            {
                cells.StartRow();
                cells.Text(rooms[room.Key]);
                cells.Text(room.Key);
                Figures(cells, MeetingFigures.Of(room));
                cells.EndRow();
            }
        });
        Sheet("Daily", [($"Day ({zone})", DateStyle, 14), .. figureColumns], cells =>
        {
            foreach (var day in meetings.GroupBy(meeting => DateOnly.FromDateTime(WallClock(meeting.Start))).OrderBy(day => day.Key))
            {
                cells.StartRow();
                cells.Time(day.Key.ToDateTime(TimeOnly.MinValue), DateStyle);
                Figures(cells, MeetingFigures.Of(day));
                cells.EndRow();
            }
        });

        workbookPart.Workbook = new Workbook(new Sheets(sheets.Select((sheet, index) => new Sheet { Name = sheet.Name, SheetId = (uint)index + 1, Id = sheet.Id })));
    }

    private static void Figures(Cells cells, MeetingFigures figures)
    {
        cells.Integer(figures.Meetings);
        cells.Integer(figures.RunningMeetings);
        cells.Integer(figures.OverflowMeetings);
        cells.Integer(figures.ScheduledMinutes);
        cells.Integer(figures.ActualMinutes);
        cells.Integer(figures.ParticipantRows);
        cells.Integer(figures.Attendees);
        cells.Integer(figures.DistinctNames);
        cells.Integer(figures.Calls);
        cells.Integer(figures.CallMinutes);
        cells.Money(figures.CallCost);
    }

    private static DateTime WallClock(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, BenchData.Zone).DateTime;

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "¥#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm:ss" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd" }),
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat()));

    /// <summary>Writes one row's cells in order, with reused elements and attribute lists, text as inline strings.</summary>
    private sealed class Cells(OpenXmlWriter writer)
    {
        private static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
        private static readonly OpenXmlAttribute[][] Styled = [.. Enumerable.Range(0, 8).Select(style => new[] { new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)) })];
        private static readonly OpenXmlAttribute[][] InlineText = [.. Enumerable.Range(0, 8).Select(style => new[] { new OpenXmlAttribute("t", string.Empty, "inlineStr"), new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)) })];

        private readonly OpenXmlAttribute[] _rowIndex = [new("r", string.Empty, "1")];
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private readonly InlineString _inline = new();
        private readonly Text _text = new();

        public long RowIndex { get; private set; }

        public void StartRow()
        {
            _rowIndex[0] = new OpenXmlAttribute("r", string.Empty, (++RowIndex).ToString(CultureInfo.InvariantCulture));
            writer.WriteStartElement(_row, _rowIndex);
        }

        public void EndRow() => writer.WriteEndElement();

        public void Text(string text, uint style = TextStyle)
        {
            writer.WriteStartElement(_cell, InlineText[style]);
            writer.WriteStartElement(_inline);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            {
                writer.WriteStartElement(_text, PreserveSpace);
            }
            else
            {
                writer.WriteStartElement(_text);
            }

            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        public void Integer(long? value) => Number(value?.ToString(CultureInfo.InvariantCulture), IntegerStyle);

        public void Money(decimal value) => Number(value.ToString(CultureInfo.InvariantCulture), MoneyStyle);

        public void Time(DateTime? value, uint style) => Number(value?.ToOADate().ToString("R", CultureInfo.InvariantCulture), style);

        /// <summary>A yes/no as the exporter writes it: the word, as inline text.</summary>
        public void Boolean(bool value) => Text(value ? "Yes" : "No");

        private void Number(string? value, uint style)
        {
            writer.WriteStartElement(_cell, Styled[style]);
            if (value is not null)
            {
                writer.WriteStartElement(_value);
                writer.WriteString(value);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }
    }
}
