using ClosedXML.Excel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// The exporter over a <see cref="CoreHarness"/> (real reader against the simulator) or over meetings in memory,
/// writing into a temporary directory of the test's own, and the file read back with ClosedXML.
/// </summary>
internal static class ExportHarness
{
    /// <summary>15:00 on the shared simulator's "today" (2025-06-15) in Shanghai: the moment its data describes.</summary>
    public static readonly DateTimeOffset SimulatorNow = new(2025, 6, 15, 7, 0, 0, TimeSpan.Zero);

    public static WorkbookExporter Exporter(this CoreHarness core, ExportFolder folder, int rowsPerSheet = ExportSettings.ExcelRowsPerSheet) =>
        new(core.Get<ArchiveReader>(), core.Get<ReaderCollations>(), core.Rooms, core.Zone, core.Get<IOptions<BusinessHoursOptions>>(), new ExportSettings(rowsPerSheet, folder.Path), core.Get<ILogger<WorkbookExporter>>());

    /// <summary>
    /// The exporter over meetings in memory, read as the app reads them: each export gets a fresh archive, whose
    /// months the synchroniser fills from the meetings before the exporter reads them back.
    /// </summary>
    public static IWorkbookExporter InMemory(ExportFolder folder, IEnumerable<Meeting> meetings, IRoomDirectory? rooms = null, int rowsPerSheet = ExportSettings.ExcelRowsPerSheet) =>
        new ExporterOverArchive(
            new InMemoryMeetingReader(meetings),
            rooms ?? FixedRoomDirectory.Named(("ROOM-A", "Boardroom"), ("ROOM-B", "Garden")),
            folder,
            rowsPerSheet);

    public static ExportRequest Request(DatePeriod period, string? hostId = null, bool reveal = false) =>
        new(period, hostId, "alice@example.com", reveal, new DateTimeOffset(2025, 6, 15, 14, 30, 5, TimeSpan.FromHours(8)));

    /// <summary>Writes the workbook and reads it back; fails with the upstream's sentence if the export failed.</summary>
    public static async Task<ExportedWorkbook> XlsxAsync(this IWorkbookExporter exporter, ExportRequest request, IProgress<ExportProgress>? progress = null)
    {
        using var output = new MemoryStream();
        var outcome = await exporter.WriteXlsxAsync(request, output, progress, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Failure?.Describe());
        Assert.Equal(output.Length, outcome.Bytes);
        output.Position = 0;
        return new ExportedWorkbook(outcome, new XLWorkbook(output));
    }

    public static async Task<(ExportOutcome Outcome, string Text, byte[] Bytes)> CsvAsync(this IWorkbookExporter exporter, ExportRequest request, CsvTable table)
    {
        using var output = new MemoryStream();
        var outcome = await exporter.WriteCsvAsync(request, table, output, progress: null, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Failure?.Describe());
        var bytes = output.ToArray();
        return (outcome, new System.Text.UTF8Encoding(false).GetString(bytes), bytes);
    }

    /// <summary>The data rows of a sheet (header excluded), as many as the autofilter covers.</summary>
    public static IReadOnlyList<IXLRow> DataRows(this IXLWorksheet sheet) =>
        [.. sheet.Rows(2, sheet.AutoFilter.Range.RangeAddress.LastAddress.RowNumber)];

    public static IReadOnlyList<string> Headers(this IXLWorksheet sheet) =>
        [.. sheet.Row(1).CellsUsed().Select(cell => cell.GetString())];

    /// <summary>1-based column of a header, or a failed assertion naming the headers there are.</summary>
    public static int ColumnOf(this IXLWorksheet sheet, string header)
    {
        var headers = sheet.Headers();
        var index = headers.ToList().IndexOf(header);
        Assert.True(index >= 0, $"No column '{header}' in {sheet.Name}: {string.Join(", ", headers)}");
        return index + 1;
    }

    public static decimal Money(this IXLCell cell) => Math.Round((decimal)cell.GetDouble(), 2);
}

/// <summary>The outcome of an export and the workbook it wrote, read back with ClosedXML.</summary>
internal sealed class ExportedWorkbook(ExportOutcome outcome, XLWorkbook workbook) : IDisposable
{
    public ExportOutcome Outcome { get; } = outcome;

    public XLWorkbook Workbook { get; } = workbook;

    public IXLWorksheet this[string name] => Workbook.Worksheet(name);

    public IReadOnlyList<string> SheetNames => [.. Workbook.Worksheets.Select(sheet => sheet.Name)];

    /// <summary>The value of every used cell in every sheet, as text.</summary>
    public IEnumerable<string> AllText() =>
        Workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed()).Select(cell => cell.GetString());

    public void Dispose() => Workbook.Dispose();
}

/// <summary>A temporary directory of the test's own, so it can prove the export left no file behind.</summary>
internal sealed class ExportFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("umeeting-export-tests-").FullName;

    public IReadOnlyList<string> Files => Directory.GetFiles(Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Keeps every progress report, as they come.</summary>
internal sealed class ExportProgressLog : IProgress<ExportProgress>
{
    private readonly Lock _gate = new();
    private readonly List<ExportProgress> _reports = [];

    public IReadOnlyList<ExportProgress> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(ExportProgress value)
    {
        lock (_gate)
        {
            _reports.Add(value);
        }
    }
}

/// <summary>An exporter made, for each file, over a fresh archive filled from an in-memory reader at the simulator's "now".</summary>
internal sealed class ExporterOverArchive(IMeetingReader reader, IRoomDirectory rooms, ExportFolder folder, int rowsPerSheet) : IWorkbookExporter
{
    public async Task<ExportOutcome> WriteXlsxAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var core = Core();
        return await core.Exporter(folder, rowsPerSheet).WriteXlsxAsync(request, output, progress, cancellationToken);
    }

    public async Task<ExportOutcome> WriteCsvAsync(ExportRequest request, CsvTable table, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var core = Core();
        return await core.Exporter(folder, rowsPerSheet).WriteCsvAsync(request, table, output, progress, cancellationToken);
    }

    private CoreHarness Core() => CoreHarness.Create(
        new Uri("http://in-memory.test"),
        clock: new FakeTimeProvider(ExportHarness.SimulatorNow),
        register: services => services
            .Replace(ServiceDescriptor.Singleton(reader))
            .Replace(ServiceDescriptor.Singleton(rooms)));
}
