namespace UMeetingReports.Core.Export;

/// <summary>
/// The rows of one large table set aside in a temporary file while the period is read, in a compact binary form,
/// so that memory does not grow with the period. They are read back once, in order, when the workbook is written:
/// the small sheets (which need the whole period's totals) and the styles must exist before the rows can be written.
/// </summary>
internal sealed class SheetSpool : IRowSink, IDisposable
{
    private const byte Blank = 0;
    private const byte Present = 1;

    /// <summary>The same text as the row above in this column (a meeting's uuid, topic and room on each of its joins).</summary>
    private const byte Repeated = 2;

    private readonly ColumnKind[] _kinds;
    private readonly string?[] _previous;
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    public SheetSpool(IReadOnlyList<ColumnHeader> columns, ExportSettings settings)
    {
        _kinds = [.. columns.Select(column => column.Kind)];
        _previous = new string?[_kinds.Length];
        _file = settings.CreateTempFile();
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    public long Rows { get; private set; }

    public void Write(ReadOnlySpan<ExportCell> cells)
    {
        for (var index = 0; index < _kinds.Length; index++)
        {
            var cell = cells[index];
            if (!cell.HasValue)
            {
                _writer.Write(Blank);
                continue;
            }

            switch (_kinds[index])
            {
                case ColumnKind.Text when string.Equals(cell.Text, _previous[index], StringComparison.Ordinal):
                    _writer.Write(Repeated);
                    break;
                case ColumnKind.Text:
                    _writer.Write(Present);
                    _writer.Write(cell.Text!);
                    _previous[index] = cell.Text;
                    break;
                case ColumnKind.Integer:
                    _writer.Write(Present);
                    _writer.Write7BitEncodedInt64((long)cell.Number);
                    break;
                case ColumnKind.Money or ColumnKind.Percent:
                    _writer.Write(Present);
                    _writer.Write(cell.Number);
                    break;
                case ColumnKind.DateTime or ColumnKind.Date:
                    _writer.Write(Present);
                    _writer.Write(cell.Time.Ticks);
                    break;
                default:
                    throw new InvalidOperationException($"Column kind {_kinds[index]} cannot be spooled.");
            }
        }

        Rows++;
    }

    /// <summary>Reads the rows back from the first; call once, after the last <see cref="Write"/>.</summary>
    public IEnumerable<ExportCell[]> ReadAll()
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        var cells = new ExportCell[_kinds.Length];
        var previous = new ExportCell[_kinds.Length];
        for (var row = 0L; row < Rows; row++)
        {
            for (var index = 0; index < _kinds.Length; index++)
            {
                var marker = reader.ReadByte();
                cells[index] = marker == Blank ? ExportCell.Empty : marker == Repeated ? previous[index] : _kinds[index] switch
                {
                    ColumnKind.Text => previous[index] = ExportCell.Of(reader.ReadString()),
                    ColumnKind.Integer => ExportCell.Of(reader.Read7BitEncodedInt64()),
                    ColumnKind.Money or ColumnKind.Percent => ExportCell.Of(reader.ReadDecimal()),
                    ColumnKind.DateTime or ColumnKind.Date => ExportCell.Of(new DateTime(reader.ReadInt64())),
                    _ => throw new InvalidOperationException($"Column kind {_kinds[index]} cannot be read back."),
                };
            }

            // The same array each time: the caller writes a row before asking for the next.
            yield return cells;
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}

/// <summary>The spools of the three large tables, filled together meeting by meeting.</summary>
internal sealed class TableSpools : IDisposable
{
    private readonly IReadOnlyList<IMeetingTable> _tables;
    private readonly List<SheetSpool> _spools = [];

    public TableSpools(IReadOnlyList<IMeetingTable> tables, ExportSettings settings)
    {
        _tables = tables;
        try
        {
            _spools.AddRange(tables.Select(table => new SheetSpool(table.Columns, settings)));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public long Rows => _spools.Sum(spool => spool.Rows);

    /// <summary>Sets the meeting's rows of every table aside and returns how many there were.</summary>
    public int Write(MeetingRow meeting)
    {
        var rows = 0;
        for (var index = 0; index < _tables.Count; index++)
        {
            rows += _tables[index].Write(meeting, _spools[index]);
        }

        return rows;
    }

    /// <summary>Each table's sheets, as many as its rows need at <paramref name="dataRowsPerSheet"/> (<see cref="SheetPart.Split"/>).</summary>
    public IReadOnlyList<(SheetPart Part, IEnumerator<ExportCell[]> Rows)> Sheets(int dataRowsPerSheet) =>
        [.. _tables.SelectMany((table, index) => SheetPart.Split(table.Name, table.Columns, _spools[index].Rows, _spools[index].ReadAll().GetEnumerator(), dataRowsPerSheet))];

    public void Dispose() => _spools.ForEach(spool => spool.Dispose());
}
