using System.Globalization;
using System.Text;

namespace UMeetingReports.Core.Export;

/// <summary>
/// CSV as Excel and other tools read it safely: UTF-8 with a BOM (Excel then opens Chinese text correctly), RFC 4180
/// quoting (a field holding a comma, quote, CR or LF is quoted, its quotes doubled), CRLF line ends. A text field
/// that begins with =, +, -, @, tab or CR is prefixed with an apostrophe, as OWASP advises against formula
/// injection; numbers and times are written by this class and can never start a formula.
/// </summary>
internal sealed class CsvRowWriter : IRowSink, IDisposable
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly ColumnKind[] _kinds;
    private readonly StreamWriter _writer;

    /// <param name="columns">Headed in the file's language; a yes/no column already holds its words (Yes/No, 是/否).</param>
    public CsvRowWriter(Stream destination, IReadOnlyList<ColumnHeader> columns)
    {
        _kinds = [.. columns.Select(column => column.Kind)];
        _writer = new StreamWriter(destination, Utf8WithBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        for (var index = 0; index < columns.Count; index++)
        {
            WriteField(index, Text(columns[index].Header));
        }

        _writer.WriteLine();
    }

    public long Rows { get; private set; }

    public void Write(ReadOnlySpan<ExportCell> cells)
    {
        for (var index = 0; index < _kinds.Length; index++)
        {
            var cell = cells[index];
            WriteField(index, !cell.HasValue ? string.Empty : _kinds[index] switch
            {
                ColumnKind.Text => Text(cell.Text!),
                ColumnKind.Integer => ((long)cell.Number).ToString(CultureInfo.InvariantCulture),
                ColumnKind.Money or ColumnKind.Percent => cell.Number.ToString(CultureInfo.InvariantCulture),
                ColumnKind.DateTime => cell.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ColumnKind.Date => cell.Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"Column kind {_kinds[index]} has no CSV form."),
            });
        }

        _writer.WriteLine();
        Rows++;
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    /// <summary>A text field made inert (apostrophe before a formula's first character) and quoted when RFC 4180 needs it.</summary>
    internal static string Text(string text)
    {
        var inert = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return inert.AsSpan().IndexOfAny(",\"\r\n") < 0 ? inert : "\"" + inert.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private void WriteField(int index, string field)
    {
        if (index > 0)
        {
            _writer.Write(',');
        }

        _writer.Write(field);
    }
}
