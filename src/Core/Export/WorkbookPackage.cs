using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
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

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>What <see cref="OpenXmlPartWriter"/> writes a part with: UTF-8 (with its byte order mark), the stream left open.</summary>
    private static readonly XmlWriterSettings PartSettings = new() { Encoding = Encoding.UTF8, CloseOutput = false };

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
                using (var writer = XmlWriter.Create(pipe, PartSettings))
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

    /// <summary>
    /// The sheet part, written with the same <see cref="XmlWriter"/> calls <see cref="OpenXmlPartWriter"/> makes for
    /// the same elements (so the same bytes), without its per-element lookups of each element's prefix and
    /// namespace: the rows' elements and attributes are named once.
    /// </summary>
    private static long WriteSheet(
        XmlWriter writer,
        Worksheet frame,
        SheetPart part,
        IEnumerator<ExportCell[]> rows,
        long written,
        Action<long> rowsWritten,
        CancellationToken cancellationToken)
    {
        var lastRow = WorkbookTemplate.HeaderRow + part.Rows;
        writer.WriteStartDocument();
        writer.WriteStartElement(frame.Prefix, frame.LocalName, frame.NamespaceUri);
        foreach (var declaration in frame.NamespaceDeclarations)
        {
            writer.WriteAttributeString("xmlns", declaration.Key, XmlnsNamespace, declaration.Value);
        }

        foreach (var attribute in frame.GetAttributes())
        {
            writer.WriteAttributeString(attribute.Prefix, attribute.LocalName, attribute.NamespaceUri, attribute.Value);
        }

        foreach (var element in frame.ChildElements)
        {
            if (element is SheetDimension)
            {
                new SheetDimension { Reference = $"A1:{ColumnName(part.Columns.Count)}{lastRow.ToString(CultureInfo.InvariantCulture)}" }.WriteTo(writer);
            }
            else if (element is SheetData template)
            {
                var rowWriter = new RowWriter(writer, part.Columns, ProbeStyles(template, part.Columns.Count));
                var sheetData = new SheetData();
                writer.WriteStartElement(sheetData.Prefix, sheetData.LocalName, sheetData.NamespaceUri);
                template.Elements<Row>().First(row => row.RowIndex?.Value == WorkbookTemplate.HeaderRow).WriteTo(writer);
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
                element.WriteTo(writer);
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
    /// Writes rows straight to the part's <see cref="XmlWriter"/>, each element and attribute named once (as
    /// <see cref="OpenXmlPartWriter"/> would name it): only the values change from cell to cell. Text is an inline
    /// string — never a formula, whatever it begins with — and cells carry no reference (they follow in order).
    /// </summary>
    private sealed class RowWriter
    {
        /// <summary>The height of a line of the default font (Calibri 11), in points: the sheets' default row height.</summary>
        private const int LineHeight = 15;

        /// <summary>Excel's tallest row, in points.</summary>
        private const int MaxRowHeight = 409;

        private readonly XmlWriter _writer;
        private readonly ColumnKind[] _kinds;
        private readonly string[] _styles;
        private readonly Name _row;
        private readonly Name _cell;
        private readonly Name _value;
        private readonly Name _inline;
        private readonly Name _text;
        private readonly string?[] _raw;
        private readonly string?[] _cleaned;

        /// <summary>Each wrapping column's width in characters (<see cref="ColumnHeader.Wraps"/>); 0 for the others.</summary>
        private readonly double[] _wrapWidths;
        private readonly string?[] _measured;
        private readonly int[] _lines;

        public RowWriter(XmlWriter writer, IReadOnlyList<ColumnHeader> columns, uint[] styles)
        {
            _writer = writer;
            _kinds = [.. columns.Select(column => column.Kind)];
            _styles = [.. styles.Select(style => style.ToString(CultureInfo.InvariantCulture))];
            _row = Name.Of(new Row());
            _cell = Name.Of(new Cell());
            _value = Name.Of(new CellValue());
            _inline = Name.Of(new InlineString());
            _text = Name.Of(new Text());
            _raw = new string?[_kinds.Length];
            _cleaned = new string?[_kinds.Length];

            // As wide as the template made the column (WorkbookTemplate's frame), less the cell's margins.
            _wrapWidths = [.. columns.Select(column => column.Wraps ? ColumnWidths.Fit(column.Header, column.Width) - 1 : 0)];
            _measured = new string?[_kinds.Length];
            _lines = new int[_kinds.Length];
        }

        public void Write(long rowIndex, ExportCell[] cells)
        {
            _row.Start(_writer);
            _writer.WriteAttributeString(string.Empty, "r", string.Empty, rowIndex.ToString(CultureInfo.InvariantCulture));

            // A row whose wrapped text takes several lines is given their height: LibreOffice shows a streamed row at
            // the default height whatever it holds (its first line then runs into the row above), and no program is
            // bound to fit a row that names no height. A row of one line stays as it was, without one.
            var lines = Lines(cells);
            if (lines > 1)
            {
                _writer.WriteAttributeString(string.Empty, "ht", string.Empty, Math.Min(MaxRowHeight, lines * LineHeight).ToString(CultureInfo.InvariantCulture));
                _writer.WriteAttributeString(string.Empty, "customHeight", string.Empty, "1");
            }

            for (var column = 0; column < _kinds.Length; column++)
            {
                var cell = cells[column];
                _cell.Start(_writer);
                if (cell.HasValue && _kinds[column] == ColumnKind.Text)
                {
                    _writer.WriteAttributeString(string.Empty, "t", string.Empty, "inlineStr");
                }

                // Blank cells stay present and styled, so that the cells after them keep their columns.
                _writer.WriteAttributeString(string.Empty, "s", string.Empty, _styles[column]);
                if (cell.HasValue)
                {
                    WriteValue(column, _kinds[column], cell);
                }

                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        /// <summary>The most lines a wrapping cell of the row shows: each of its lines, and each cut where it is wider than its column.</summary>
        private int Lines(ExportCell[] cells)
        {
            var most = 1;
            for (var column = 0; column < _kinds.Length; column++)
            {
                if (_wrapWidths[column] == 0 || !cells[column].HasValue)
                {
                    continue;
                }

                // A meeting's topic comes back as one string for all its joins and calls: measured once for the run.
                var text = cells[column].Text!;
                if (!ReferenceEquals(text, _measured[column]))
                {
                    _measured[column] = text;
                    _lines[column] = WrappedLines(text, _wrapWidths[column]);
                }

                most = Math.Max(most, _lines[column]);
            }

            return most;
        }

        /// <summary>
        /// The lines <paramref name="text"/> takes in a column <paramref name="width"/> characters wide: one per line
        /// break, and more for a line wider than the column (counted as <see cref="ColumnWidths.Units"/> counts).
        /// </summary>
        internal static int WrappedLines(string text, double width)
        {
            var lines = 0;
            foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
            {
                lines += Math.Max(1, (int)Math.Ceiling(ColumnWidths.Units(line) / width));
                if (lines * LineHeight >= MaxRowHeight)
                {
                    break;
                }
            }

            return lines;
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
                _inline.Start(_writer);
                _text.Start(_writer);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    _writer.WriteAttributeString("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
                }

                _writer.WriteString(text);
                _writer.WriteEndElement();
                _writer.WriteEndElement();
                return;
            }

            _value.Start(_writer);
            _writer.WriteString(kind switch
            {
                ColumnKind.Integer => ((long)cell.Number).ToString(CultureInfo.InvariantCulture),
                ColumnKind.Money or ColumnKind.Percent => cell.Number.ToString(CultureInfo.InvariantCulture),
                ColumnKind.DateTime or ColumnKind.Date => cell.Time.ToOADate().ToString("R", CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"Column kind {kind} has no cell value."),
            });
            _writer.WriteEndElement();
        }

        /// <summary>An element's prefix, local name and namespace as <see cref="OpenXmlElement"/> gives them, read once.</summary>
        private sealed record Name(string Prefix, string LocalName, string NamespaceUri)
        {
            public static Name Of(OpenXmlElement element) => new(element.Prefix, element.LocalName, element.NamespaceUri);

            public void Start(XmlWriter writer) => writer.WriteStartElement(Prefix, LocalName, NamespaceUri);
        }
    }
}
