namespace UMeetingReports.Core.Export;

/// <summary>What a column holds; decides the cell type and number format in the workbook and the text in CSV.</summary>
internal enum ColumnKind : byte
{
    /// <summary>Stored as text whatever it looks like: ids, meeting numbers (leading zeros) and phone numbers (leading +).</summary>
    Text,

    /// <summary>A whole number: minutes, counts; formatted <c>#,##0</c>.</summary>
    Integer,

    /// <summary>Yuan, formatted <c>¥#,##0.00</c>.</summary>
    Money,

    /// <summary>A share (0.42 is 42 %), formatted <c>0.0%</c>; blank when there is nothing to divide by.</summary>
    Percent,

    /// <summary>A wall-clock time in the upstream's zone, which the header names.</summary>
    DateTime,

    /// <summary>A calendar day in the upstream's zone.</summary>
    Date,
}

/// <summary>
/// One value of one cell. Which field is read follows from the column's <see cref="ColumnKind"/>: text in
/// <see cref="Text"/>, numbers (integers, money) in <see cref="Number"/>, times in <see cref="Time"/>.
/// A struct, because a large export makes millions of them.
/// </summary>
internal readonly struct ExportCell
{
    private ExportCell(string? text, decimal number, DateTime time, bool hasValue)
    {
        Text = text;
        Number = number;
        Time = time;
        HasValue = hasValue;
    }

    public static ExportCell Empty => default;

    public string? Text { get; }

    public decimal Number { get; }

    public DateTime Time { get; }

    /// <summary>False for a blank cell: the end of a meeting that still runs, for instance.</summary>
    public bool HasValue { get; }

    public static ExportCell Of(string? text) => text is null ? Empty : new(text, 0m, default, true);

    public static ExportCell Of(long number) => new(null, number, default, true);

    public static ExportCell Of(long? number) => number is { } value ? Of(value) : Empty;

    public static ExportCell Of(decimal number) => new(null, number, default, true);

    public static ExportCell Of(decimal? number) => number is { } value ? Of(value) : Empty;

    public static ExportCell Of(DateTime? time) => time is { } value ? new(null, 0m, value, true) : Empty;
}

/// <summary>A column's header, kind and width (in Excel's character units), without the rows it reads.</summary>
internal record ColumnHeader(string Header, ColumnKind Kind, double Width)
{
    /// <summary>
    /// The workbook wraps the column's text at the column's width and at its line breaks (a topic written on several
    /// lines), instead of showing it as one long line; the row grows to hold it. CSV has no such thing.
    /// </summary>
    public bool Wraps { get; init; }
}

/// <summary>One column of a sheet: how it is headed and how its value is read from a row.</summary>
internal sealed record Column<TRow>(string Header, ColumnKind Kind, double Width, Func<TRow, ExportCell> Value)
    : ColumnHeader(Header, Kind, Width);

/// <summary>
/// A sheet as an ordered list of columns: the one definition that the ClosedXML path (header, widths, formats, the
/// small sheets' cells) and the streaming path (the large sheets' rows, CSV) both read.
/// </summary>
internal sealed class SheetDefinition<TRow>(string name, IReadOnlyList<Column<TRow>> columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<Column<TRow>> Columns { get; } = columns;

    /// <summary>
    /// Each row's cells in turn, in one array filled again for every row: whoever writes them writes a row before
    /// asking for the next (as a spool's reader gives them).
    /// </summary>
    public IEnumerable<ExportCell[]> Cells(IEnumerable<TRow> rows)
    {
        var cells = new ExportCell[Columns.Count];
        foreach (var row in rows)
        {
            Fill(row, cells);
            yield return cells;
        }
    }

    /// <summary>Reads one row into <paramref name="cells"/>, one cell per column.</summary>
    public void Fill(TRow row, Span<ExportCell> cells)
    {
        for (var index = 0; index < Columns.Count; index++)
        {
            cells[index] = Columns[index].Value(row);
        }
    }
}
