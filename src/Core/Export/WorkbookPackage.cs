using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UMeetingReports.Core.Export;

/// <summary>
/// Writes the final package: every part of ClosedXML's template copied as it is, except the large sheets'
/// placeholders, which are rewritten with <see cref="OpenXmlWriter"/> (SAX): the template's frame around a
/// <c>sheetData</c> that streams the spooled rows, styled with the indices read from the probe row. The zip is
/// written entry by entry, so nothing of a sheet is held in memory; a large sheet's XML is handed to another thread in
/// chunks (<see cref="HandOffStream"/>), which compresses it into the entry while the next rows are written.
/// </summary>
internal static partial class WorkbookPackage
{
    private const int RowsBetweenChecks = 8192;

    /// <param name="rows">The rows of each large sheet, in the order of <paramref name="parts"/>; each part takes its <see cref="SheetPart.Rows"/>.</param>
    /// <param name="rowsWritten">Told every few thousand rows how many have been written so far, in all sheets.</param>
    public static void Write(
        byte[] template,
        IReadOnlyList<(SheetPart Part, IEnumerator<ExportCell[]> Rows)> rows,
        Stream destination,
        Action<long> rowsWritten,
        CancellationToken cancellationToken)
    {
        var (placeholders, workbookEntry) = Placeholders(template, rows);
        var written = 0L;

        using var source = new ZipArchive(new MemoryStream(template, writable: false), ZipArchiveMode.Read);
        using var package = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            using var target = package.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
            if (placeholders.TryGetValue(entry.FullName, out var placeholder))
            {
                // The sheet's XML is written on this thread and compressed into its entry on another.
                using var pipe = new HandOffStream(target);
                using (var writer = OpenXmlWriter.Create(pipe))
                {
                    written = WriteSheet(writer, placeholder.Frame, placeholder.Part, placeholder.Rows, written, rowsWritten, cancellationToken);
                }

                pipe.Complete();
            }
            else if (entry.FullName == workbookEntry)
            {
                using var content = entry.Open();
                WriteWorkbook(content, target);
            }
            else
            {
                using var content = entry.Open();
                content.CopyTo(target);
            }
        }

        rowsWritten(written);
    }

    /// <summary>
    /// The workbook part with each sheet's print titles made absolute: ClosedXML writes <c>'Meetings'!1:1</c>, which
    /// LibreOffice ignores (the header is then printed on the first page only); Excel itself writes <c>'Meetings'!$1:$1</c>.
    /// </summary>
    private static void WriteWorkbook(Stream source, Stream target)
    {
        var document = XDocument.Load(source);
        var names = document.Descendants().Where(element => element.Name.LocalName == "definedName" && (string?)element.Attribute("name") == "_xlnm.Print_Titles");
        foreach (var name in names)
        {
            name.Value = RelativeRows().Replace(name.Value, "!$$$1:$$$2");
        }

        document.Save(target, SaveOptions.DisableFormatting);
    }

    [GeneratedRegex(@"!(\d+):(\d+)$")]
    private static partial Regex RelativeRows();

    /// <summary>
    /// The zip entry of each large sheet's placeholder, with the worksheet ClosedXML wrote for it (a header and a probe
    /// row: small); and the workbook part's entry.
    /// </summary>
    private static (Dictionary<string, Placeholder> Placeholders, string WorkbookEntry) Placeholders(byte[] template, IReadOnlyList<(SheetPart Part, IEnumerator<ExportCell[]> Rows)> rows)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(template, writable: false), isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidOperationException("The workbook template has no workbook part.");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToDictionary(sheet => sheet.Name!.Value!, StringComparer.Ordinal)
            ?? throw new InvalidOperationException("The workbook template lists no sheets.");

        var placeholders = new Dictionary<string, Placeholder>(StringComparer.Ordinal);
        foreach (var (part, partRows) in rows)
        {
            var worksheetPart = (WorksheetPart)workbook.GetPartById(sheets[part.Name].Id!.Value!);
            placeholders.Add(
                worksheetPart.Uri.OriginalString.TrimStart('/'),
                new Placeholder(part, (Worksheet)worksheetPart.Worksheet.CloneNode(deep: true), partRows));
        }

        return (placeholders, workbook.Uri.OriginalString.TrimStart('/'));
    }

    private static long WriteSheet(
        OpenXmlWriter writer,
        Worksheet frame,
        SheetPart part,
        IEnumerator<ExportCell[]> rows,
        long written,
        Action<long> rowsWritten,
        CancellationToken cancellationToken)
    {
        var lastRow = WorkbookTemplate.HeaderRow + part.Rows;
        writer.WriteStartDocument();
        writer.WriteStartElement(frame, frame.GetAttributes(), frame.NamespaceDeclarations);
        foreach (var element in frame.ChildElements)
        {
            if (element is SheetDimension)
            {
                writer.WriteElement(new SheetDimension { Reference = $"A1:{ColumnName(part.Columns.Count)}{lastRow.ToString(CultureInfo.InvariantCulture)}" });
            }
            else if (element is SheetData template)
            {
                var rowWriter = new RowWriter(writer, part.Columns, ProbeStyles(template, part.Columns.Count));
                writer.WriteStartElement(new SheetData());
                writer.WriteElement(template.Elements<Row>().First(row => row.RowIndex?.Value == WorkbookTemplate.HeaderRow));
                for (var row = WorkbookTemplate.HeaderRow + 1; row <= lastRow; row++)
                {
                    if (!rows.MoveNext())
                    {
                        throw new InvalidOperationException($"The sheet '{part.Name}' expected {part.Rows} rows but its spool ended early.");
                    }

                    rowWriter.Write(row, rows.Current);
                    if (++written % RowsBetweenChecks == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        rowsWritten(written);
                    }
                }

                writer.WriteEndElement();
            }
            else
            {
                writer.WriteElement(element);
            }
        }

        writer.WriteEndElement();
        return written;
    }

    /// <summary>The style index ClosedXML gave each column's probe cell (0, the default style, when it wrote none).</summary>
    private static uint[] ProbeStyles(SheetData template, int columns)
    {
        var styles = new uint[columns];
        var probe = template.Elements<Row>().FirstOrDefault(row => row.RowIndex?.Value == WorkbookTemplate.ProbeRow);
        foreach (var cell in probe?.Elements<Cell>() ?? [])
        {
            var column = ColumnIndex(cell.CellReference?.Value ?? string.Empty);
            if (column >= 0 && column < columns)
            {
                styles[column] = cell.StyleIndex?.Value ?? 0;
            }
        }

        return styles;
    }

    /// <summary>0-based column of a reference such as "C2"; -1 when it names none.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var character in reference)
        {
            if (!char.IsAsciiLetterUpper(character))
            {
                break;
            }

            column = (column * 26) + (character - 'A' + 1);
        }

        return column - 1;
    }

    /// <summary>"A" for 1, "Z" for 26, "AA" for 27.</summary>
    internal static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    private sealed record Placeholder(SheetPart Part, Worksheet Frame, IEnumerator<ExportCell[]> Rows);

    /// <summary>
    /// Writes rows with reused elements and attribute lists: only the values change from cell to cell. Text is an
    /// inline string — never a formula, whatever it begins with — and cells carry no reference (they follow in order).
    /// </summary>
    private sealed class RowWriter
    {
        private static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

        private readonly OpenXmlWriter _writer;
        private readonly ColumnKind[] _kinds;
        private readonly OpenXmlAttribute[][] _attributes;
        private readonly OpenXmlAttribute[][] _blankAttributes;
        private readonly OpenXmlAttribute[] _rowIndex = [new("r", string.Empty, "1")];
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private readonly InlineString _inline = new();
        private readonly Text _text = new();
        private readonly string?[] _raw;
        private readonly string?[] _cleaned;

        public RowWriter(OpenXmlWriter writer, IReadOnlyList<ColumnHeader> columns, uint[] styles)
        {
            _writer = writer;
            _kinds = [.. columns.Select(column => column.Kind)];
            _attributes = [.. _kinds.Select((kind, index) => Attributes(kind, styles[index]))];
            _blankAttributes = [.. styles.Select(style => new[] { StyleAttribute(style) })];
            _raw = new string?[_kinds.Length];
            _cleaned = new string?[_kinds.Length];
        }

        public void Write(long rowIndex, ExportCell[] cells)
        {
            _rowIndex[0] = new OpenXmlAttribute("r", string.Empty, rowIndex.ToString(CultureInfo.InvariantCulture));
            _writer.WriteStartElement(_row, _rowIndex);
            for (var column = 0; column < _kinds.Length; column++)
            {
                var cell = cells[column];
                if (cell.HasValue)
                {
                    _writer.WriteStartElement(_cell, _attributes[column]);
                    WriteValue(column, _kinds[column], cell);
                }
                else
                {
                    // Blank but present and styled, so that the cells after it keep their columns.
                    _writer.WriteStartElement(_cell, _blankAttributes[column]);
                }

                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        /// <summary>
        /// The text as the workbook holds it (<see cref="CellFormats.XlsxText"/>), checked once for a run of the same
        /// string in a column: a meeting's uuid, topic and room come back from the spool as one string for all its joins.
        /// </summary>
        private string Cleaned(int column, string text)
        {
            if (!ReferenceEquals(text, _raw[column]))
            {
                _raw[column] = text;
                _cleaned[column] = CellFormats.XlsxText(text);
            }

            return _cleaned[column]!;
        }

        private void WriteValue(int column, ColumnKind kind, ExportCell cell)
        {
            if (kind == ColumnKind.Text)
            {
                var text = Cleaned(column, cell.Text!);
                _writer.WriteStartElement(_inline);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    _writer.WriteStartElement(_text, PreserveSpace);
                }
                else
                {
                    _writer.WriteStartElement(_text);
                }

                _writer.WriteString(text);
                _writer.WriteEndElement();
                _writer.WriteEndElement();
                return;
            }

            _writer.WriteStartElement(_value);
            _writer.WriteString(kind switch
            {
                ColumnKind.Integer => ((long)cell.Number).ToString(CultureInfo.InvariantCulture),
                ColumnKind.Money or ColumnKind.Percent => cell.Number.ToString(CultureInfo.InvariantCulture),
                ColumnKind.DateTime or ColumnKind.Date => cell.Time.ToOADate().ToString("R", CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"Column kind {kind} has no cell value."),
            });
            _writer.WriteEndElement();
        }

        private static OpenXmlAttribute[] Attributes(ColumnKind kind, uint style) => kind switch
        {
            ColumnKind.Text => [new("t", string.Empty, "inlineStr"), StyleAttribute(style)],
            _ => [StyleAttribute(style)],
        };

        private static OpenXmlAttribute StyleAttribute(uint style) => new("s", string.Empty, style.ToString(CultureInfo.InvariantCulture));
    }
}
