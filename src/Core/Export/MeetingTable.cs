namespace UMeetingReports.Core.Export;

/// <summary>Receives the rows of a large table one at a time: a spool file, or a CSV file.</summary>
internal interface IRowSink
{
    void Write(ReadOnlySpan<ExportCell> cells);
}

/// <summary>A large table without its row type: its sheet's columns and the rows one meeting gives it.</summary>
internal interface IMeetingTable
{
    string Name { get; }

    IReadOnlyList<ColumnHeader> Columns { get; }

    /// <summary>Writes the meeting's rows of this table (one, one per join, or one per call) and returns how many.</summary>
    int Write(MeetingRow meeting, IRowSink sink);
}

/// <summary>A large table: a sheet definition and the rows a meeting expands to.</summary>
internal sealed class MeetingTable<TRow>(SheetDefinition<TRow> sheet, Func<MeetingRow, IEnumerable<TRow>> rowsOf) : IMeetingTable
{
    private readonly ExportCell[] _cells = new ExportCell[sheet.Columns.Count];

    public SheetDefinition<TRow> Sheet { get; } = sheet;

    public string Name => Sheet.Name;

    public IReadOnlyList<ColumnHeader> Columns => Sheet.Columns;

    public int Write(MeetingRow meeting, IRowSink sink)
    {
        var count = 0;
        foreach (var row in rowsOf(meeting))
        {
            Sheet.Fill(row, _cells);
            sink.Write(_cells);
            count++;
        }

        return count;
    }
}
