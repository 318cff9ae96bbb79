using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>
/// Reads the period once from the archive (<see cref="ArchiveReader.EnumerateAsync"/>, its months made present
/// first), setting each large table's rows aside
/// in a temporary file and summing the figures as they pass; then ClosedXML builds the small sheets and the frames,
/// <see cref="WorkbookPackage"/> streams the rows into them, and only the complete file is copied to the output.
/// The package is a zip and is finished in a temporary file first (deleted on close) because the zip cannot be
/// written to a response that refuses synchronous writes, and so that a failure never leaves part of a file behind.
/// </summary>
internal sealed partial class WorkbookExporter(
    ArchiveReader archive,
    ReaderCollations collations,
    IRoomDirectory rooms,
    UpstreamZone zone,
    IOptions<BusinessHoursOptions> businessHours,
    ExportSettings settings,
    ILogger<WorkbookExporter> logger) : IWorkbookExporter
{
    /// <summary>Meetings between two progress reports while the rows are read back from the archive.</summary>
    private const int RowsProgressEvery = 250;

    /// <summary>Meetings handed from the archive's reader to the spooling at once (the reader queries 500 at a time).</summary>
    private const int BatchSize = 250;

    /// <summary>Lists of meetings read ahead of the spooling, with their joins and calls: a thousand meetings at most.</summary>
    private const int BatchesAhead = 4;

    public async Task<ExportOutcome> WriteXlsxAsync(ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var started = Stopwatch.GetTimestamp();
        var roomList = await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false);
        var sheets = new ExportSheets(zone, request.RevealPhoneNumbers, new ExportTexts(request.Culture));
        var tallies = new PeriodTallies(zone, request.GeneratedAt);
        using var spools = new TableSpools(sheets.Tables, settings);
        var gathering = await GatherAsync(
            request,
            roomList,
            meeting =>
            {
                tallies.Add(meeting.Meeting);
                return spools.Write(meeting);
            },
            progress,
            cancellationToken).ConfigureAwait(false);
        if (gathering.Failure is { } failure)
        {
            return Failed(request, failure);
        }

        var rowsTotal = spools.Rows + tallies.PeopleCount;
        await using var package = settings.CreateTempFile();
        var exported = WriteWorkbook(
            request,
            roomList,
            sheets,
            tallies,
            spools,
            package,
            written => progress?.Report(new ExportProgress(ExportStage.Writing, gathering.Fetched, written, rowsTotal)),
            cancellationToken);
        return await DeliverAsync(request, package, output, exported, gathering.Fetched, rowsTotal, started, progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExportOutcome> WriteCsvAsync(ExportRequest request, CsvTable table, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var started = Stopwatch.GetTimestamp();
        var roomList = await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false);
        var sheets = new ExportSheets(zone, request.RevealPhoneNumbers, new ExportTexts(request.Culture));
        if (table == CsvTable.People)
        {
            return await WritePeopleCsvAsync(request, roomList, sheets, output, started, progress, cancellationToken).ConfigureAwait(false);
        }

        var definition = sheets.Table(table);
        await using var file = settings.CreateTempFile();
        long rows;
        Gathering gathering;
        using (var csv = new CsvRowWriter(file, definition.Columns))
        {
            gathering = await GatherAsync(request, roomList, meeting => definition.Write(meeting, csv), progress, cancellationToken).ConfigureAwait(false);
            if (gathering.Failure is { } failure)
            {
                return Failed(request, failure);
            }

            csv.Flush();
            rows = csv.Rows;
        }

        return await DeliverAsync(request, file, output, [new ExportedSheet(definition.Name, rows)], gathering.Fetched, rows, started, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The People table as CSV: every meeting is summed first (as for the workbook's sheet), then each name written.</summary>
    private async Task<ExportOutcome> WritePeopleCsvAsync(
        ExportRequest request, RoomList roomList, ExportSheets sheets, Stream output, long started, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var tallies = new PeriodTallies(zone, request.GeneratedAt);
        var gathering = await GatherAsync(request, roomList, meeting => { tallies.Add(meeting.Meeting); return meeting.Meeting.Participants.Count; }, progress, cancellationToken)
            .ConfigureAwait(false);
        if (gathering.Failure is { } failure)
        {
            return Failed(request, failure);
        }

        await using var file = settings.CreateTempFile();
        long rows;
        using (var csv = new CsvRowWriter(file, sheets.People.Columns))
        {
            foreach (var cells in sheets.People.Cells(tallies.People(roomList, sheets.ShownName, TextOrder.For(request.Culture))))
            {
                csv.Write(cells);
            }

            csv.Flush();
            rows = csv.Rows;
        }

        return await DeliverAsync(request, file, output, [new ExportedSheet(sheets.People.Name, rows)], gathering.Fetched, rows, started, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every meeting of the period, each handed to <paramref name="take"/> with its room's name; or the failure that
    /// stopped the reading (the reader names the missing window). Progress is forwarded page by page.
    /// </summary>
    private async Task<Gathering> GatherAsync(
        ExportRequest request,
        RoomList roomList,
        Func<MeetingRow, int> take,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var search = request.NameSearch;
        var fetched = new FetchProgress(progress);
        LogExportStarted(logger, request.Period, request.HostId ?? "all rooms");

        // The archive is read on a task of its own, a few batches ahead, while this thread spools and sums: the
        // queries and the rows' materialisation overlap the writing of the spools. The order is the reader's: the
        // meetings report's when the request names one, else the archive's.
        var ahead = Channel.CreateBounded<List<Meeting>>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var narrowed = await NarrowedAsync(request, roomList, cancellationToken).ConfigureAwait(false);
        var ordered = Ordered(request, roomList);
        var reading = Task.Run(() => ReadAheadAsync(archive, request.ToQuery(), narrowed, ordered, fetched, ahead.Writer, stop.Token), CancellationToken.None);
        try
        {
            var read = 0;
            while (await ahead.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (ahead.Reader.TryRead(out var batch))
                {
                    foreach (var meeting in batch)
                    {
                        if (++read % RowsProgressEvery == 0)
                        {
                            fetched.Report(fetched.Last);
                        }

                        Take(meeting);
                    }
                }
            }

            // The reader's own failure (a missing window, a cancellation) is thrown here, as it was when read inline.
            await reading.ConfigureAwait(false);
            fetched.Report(fetched.Last);
        }
        catch (UpstreamException exception)
        {
            return new Gathering(exception.Failure, fetched.Last);
        }
        finally
        {
            if (!reading.IsCompleted)
            {
                // This side failed or was cancelled: stop the reader and wait for it, so nothing reads the archive's
                // context after the export has let go of it.
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await reading.ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is OperationCanceledException or UpstreamException or ChannelClosedException)
                {
                    // The exception on its way out is this side's.
                }
            }
        }

        return new Gathering(null, fetched.Last);

        void Take(Meeting read)
        {
            if (Narrowed(read, search) is not { } meeting)
            {
                return;
            }

            if (!names.TryGetValue(meeting.HostId, out var room))
            {
                room = roomList.NameOf(meeting.HostId);
                names.Add(meeting.HostId, room);
            }

            fetched.Rows += take(new MeetingRow(meeting, room));
        }
    }

    /// <summary>
    /// Reads the period from the archive into <paramref name="ahead"/>, and completes it when the last meeting is in;
    /// a failure completes it too and is thrown to whoever awaits this task.
    /// </summary>
    /// <remarks>Meetings go over in lists of <see cref="BatchSize"/>: one hand-over (and one wake-up of the other side) per list, not per meeting.</remarks>
    private static async Task ReadAheadAsync(
        ArchiveReader archive,
        MeetingQuery query,
        IQueryable<ArchivedMeeting>? narrowed,
        Func<IQueryable<ArchivedMeeting>, CancellationToken, Task<IQueryable<ArchivedMeeting>>>? ordered,
        FetchProgress fetched,
        ChannelWriter<List<Meeting>> ahead,
        CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<Meeting>(BatchSize);
            await foreach (var meeting in archive.EnumerateAsync(query, narrowed, ordered, fetched, cancellationToken).ConfigureAwait(false))
            {
                batch.Add(meeting);
                if (batch.Count == BatchSize)
                {
                    await ahead.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new List<Meeting>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await ahead.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ahead.TryComplete();
        }
    }

    /// <summary>
    /// The meetings report's search and person as the archive's query that page runs (null when neither is asked):
    /// the file holds the meetings the page lists, as many as it counts.
    /// </summary>
    private async Task<IQueryable<ArchivedMeeting>?> NarrowedAsync(ExportRequest request, RoomList roomList, CancellationToken cancellationToken)
    {
        if (!request.NarrowsMeetings)
        {
            return null;
        }

        return await MeetingsQuery.ListedAsync(archive.Context, roomList, request.ToQuery(), request.SearchText, request.Participant, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The meetings report's order the request names, as that report puts its list in it (<see cref="MeetingOrdering"/>:
    /// the same columns, directions, room names and collation of the asker's language, ties by record id), prepared once
    /// the period's months are present; null for the archive's order (oldest first), which a download asked from
    /// another page keeps.
    /// </summary>
    private Func<IQueryable<ArchivedMeeting>, CancellationToken, Task<IQueryable<ArchivedMeeting>>>? Ordered(ExportRequest request, RoomList roomList)
    {
        if (request.Order is not { } order)
        {
            return null;
        }

        return async (meetings, cancellationToken) =>
        {
            var ordering = await MeetingOrdering.PrepareAsync(archive.Context, roomList, order, TextOrder.For(request.Culture), collations, cancellationToken).ConfigureAwait(false);
            return ordering.Apply(archive.Context, meetings);
        };
    }

    /// <summary>The meeting with only the joins of the participants searched for; null when none of them joined it.</summary>
    private static Meeting? Narrowed(Meeting meeting, NameSearch search)
    {
        if (search.IsEveryone)
        {
            return meeting;
        }

        var joins = meeting.Participants.Where(participant => search.Matches(participant.Name)).ToList();
        return joins.Count == 0 ? null : meeting with { Participants = joins };
    }

    /// <summary>
    /// The writing stage: ClosedXML builds the styles, frames and small sheets from the period's totals, then the
    /// package is written with the large sheets streamed from their spools. Returns every sheet with its rows.
    /// </summary>
    private IReadOnlyList<ExportedSheet> WriteWorkbook(
        ExportRequest request,
        RoomList roomList,
        ExportSheets sheets,
        PeriodTallies tallies,
        TableSpools spools,
        Stream package,
        Action<long> rowsWritten,
        CancellationToken cancellationToken)
    {
        // The People sheet streams like the large tables (after them): an account's names can run to tens of thousands,
        // which ClosedXML would hold as cells (50,000 names took 1.1 GB of allocations and 430 MB more memory).
        IReadOnlyList<(SheetPart Part, IEnumerator<ExportCell[]> Rows)> large =
            [.. spools.Sheets(settings.DataRowsPerSheet), .. StreamedSheets(sheets.People, tallies.People(roomList, sheets.ShownName, TextOrder.For(request.Culture)), settings.DataRowsPerSheet)];
        try
        {
            var frame = UsageFrame.For(request.Period, businessHours.Value, zone, request.GeneratedAt);
            var roomLines = tallies.Rooms(roomList, request.HostId, frame, TextOrder.For(request.Culture));
            var usage = new RoomUsageTotals(tallies.Total, tallies.PeakConcurrent(frame), Utilisation.Sum(roomLines.Select(line => line.Utilisation)));
            var summary = WorkbookTemplate.Summary(request, roomList, zone, usage, BusinessHoursRule.Of(businessHours.Value, zone), sheets.Texts);
            var dayLines = tallies.Days(request.Period);
            var callTypes = tallies.CallTypes();
            var template = WorkbookTemplate.Build(summary, [.. large.Select(sheet => sheet.Part)], sheets, roomLines, dayLines, callTypes);
            WorkbookPackage.Write(template, large, package, rowsWritten, cancellationToken);
            return
            [
                new(sheets.SummaryName, summary.Count),
                .. large.Select(sheet => new ExportedSheet(sheet.Part.Name, sheet.Part.Rows)),
                new(sheets.Rooms.Name, roomLines.Count),
                new(sheets.Daily.Name, dayLines.Count),
                new(sheets.CallTypes.Name, callTypes.Count),
            ];
        }
        finally
        {
            foreach (var reader in large.Select(sheet => sheet.Rows).Distinct())
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>A table held in memory as sheets to stream, split as the spooled tables are (<see cref="SheetPart.Split"/>).</summary>
    private static IEnumerable<(SheetPart Part, IEnumerator<ExportCell[]> Rows)> StreamedSheets<TRow>(SheetDefinition<TRow> table, IReadOnlyList<TRow> rows, int dataRowsPerSheet) =>
        SheetPart.Split(table.Name, table.Columns, rows.Count, table.Cells(rows).GetEnumerator(), dataRowsPerSheet);

    private async Task<ExportOutcome> DeliverAsync(
        ExportRequest request,
        FileStream file,
        Stream output,
        IReadOnlyList<ExportedSheet> sheets,
        GatherProgress fetched,
        long rows,
        long started,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken)
    {
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        var bytes = file.Length;
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        progress?.Report(new ExportProgress(ExportStage.Done, fetched, rows, rows));
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogExportCompleted(logger, request.Period, rows, bytes, elapsed);
        return ExportOutcome.Completed(bytes, sheets);
    }

    private ExportOutcome Failed(ExportRequest request, UpstreamFailure failure)
    {
        LogExportFailed(logger, request.Period, failure.Window, failure.Describe());
        return ExportOutcome.Failed(failure);
    }

    private readonly record struct Gathering(UpstreamFailure? Failure, GatherProgress Fetched);

    /// <summary>Turns the archive's month-by-month progress into the export's, with the rows read so far.</summary>
    /// <remarks>
    /// The archive's reader reports from its own task while the spooling side reports the rows: one lock keeps
    /// <see cref="Last"/> whole and the reports in order.
    /// </remarks>
    private sealed class FetchProgress(IProgress<ExportProgress>? progress) : IProgress<GatherProgress>
    {
        private readonly Lock _gate = new();
        private GatherProgress _last;

        /// <summary>Rows spooled so far; written by the spooling side only.</summary>
        public long Rows { get; set; }

        public GatherProgress Last
        {
            get
            {
                lock (_gate)
                {
                    return _last;
                }
            }
        }

        public void Report(GatherProgress value)
        {
            lock (_gate)
            {
                _last = value;
                progress?.Report(new ExportProgress(ExportStage.Gathering, value, Rows, null));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export of {Period} ({HostId}) started")]
    private static partial void LogExportStarted(ILogger logger, DatePeriod period, string hostId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export of {Period} completed: {Rows} rows, {Bytes} bytes in {ElapsedMilliseconds} ms")]
    private static partial void LogExportCompleted(ILogger logger, DatePeriod period, long rows, long bytes, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export of {Period} failed at window {Window}, no file was produced: {Reason}")]
    private static partial void LogExportFailed(ILogger logger, DatePeriod period, DatePeriod window, string reason);
}
