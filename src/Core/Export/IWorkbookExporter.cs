namespace UMeetingReports.Core.Export;

/// <summary>
/// Downloads of a whole period: the Excel workbook, or one of its large tables as CSV. Nothing is written to the
/// output until the whole period has been read and the file is complete, so an upstream failure leaves the output
/// untouched and comes back as <see cref="ExportOutcome.Failure"/> (the page can still answer with its own
/// sentence); a partial file is never presented as complete.
/// </summary>
public interface IWorkbookExporter
{
    /// <summary>
    /// Writes the workbook (Summary, Meetings, Joins, Telephony, People, Rooms, Daily, Calls by type) to <paramref name="output"/>,
    /// which need not be seekable. Memory stays bounded whatever the period: rows wait in temporary files.
    /// </summary>
    Task<ExportOutcome> WriteXlsxAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Writes one table as UTF-8 CSV with a BOM, RFC 4180 quoting and CRLF line ends.</summary>
    Task<ExportOutcome> WriteCsvAsync(ExportRequest request, CsvTable table, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>The tables a CSV download can hold: one row per meeting, per join, per telephone call, or per name.</summary>
public enum CsvTable
{
    Meetings,

    /// <summary>One row per join: the file and its sheet are called "joins" (入会记录), the address keeps <c>table=participants</c>.</summary>
    Participants,
    Telephony,

    /// <summary>One row per name, as the People sheet and /participants sum them.</summary>
    People,
}
