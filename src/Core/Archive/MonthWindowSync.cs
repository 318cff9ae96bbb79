using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Reads one calendar month of the whole account (every room, with participants and telephony) through the reader,
/// with its echo and record-count checks, and replaces the month's copy in one transaction once every page is in.
/// A read that fails anywhere leaves the previous copy as it was and marks the window failed with the reason.
/// </summary>
internal sealed partial class MonthWindowSync(
    IServiceScopeFactory scopes,
    ArchiveDatabase database,
    HeldMonths held,
    UpstreamZone zone,
    IOptions<ArchiveOptions> options,
    ILogger<MonthWindowSync> logger) : IDisposable
{
    /// <summary>PostgreSQL's advisory lock that every instance's window and room writes take (<see cref="LockWritersAsync"/>).</summary>
    internal const long WritersLock = 727001;

    /// <summary>One writer at a time: SQLite has one anyway, and a window's write is short next to its read.</summary>
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>How often, and how far apart, settling SQLite's log is tried while other connections hold it.</summary>
    private const int SettleAttempts = 20;

    private static readonly TimeSpan SettlePause = TimeSpan.FromMilliseconds(100);

    /// <summary>1 when a window was written since the database was last settled (<see cref="SettleWritesAsync"/>).</summary>
    private int _writtenSinceSettled;

    /// <param name="pagesIn">Called once every page of the month is in, before its copy waits to be written.</param>
    public async Task<MonthSyncOutcome> SyncAsync(DateOnly month, IProgress<GatherProgress>? progress, Action? pagesIn, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var synced = false;
        try
        {
            var outcome = await ReadAndWriteAsync(month, progress, pagesIn, cancellationToken).ConfigureAwait(false);
            synced = outcome.Succeeded;
            return outcome;
        }
        finally
        {
            Diagnostics.ReportsMetrics.ArchiveWindow(synced, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<MonthSyncOutcome> ReadAndWriteAsync(DateOnly month, IProgress<GatherProgress>? progress, Action? pagesIn, CancellationToken cancellationToken)
    {
        var today = zone.Today;
        if (month != ArchiveSchedule.MonthOf(month) || month > today)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A month window is named by its first day and cannot lie after today.");
        }

        var lastDay = month.AddMonths(1).AddDays(-1);
        var window = new DatePeriod(month, lastDay < today ? lastDay : today);
        var startedAt = Stored(zone.Now);

        // The window is marked "syncing" while its first page is asked: the mark waits for the one writer (other
        // months' copies), the read need not. Every way out awaits it, so the mark is in before the copy or the
        // failure is written, and an archive that refuses even the mark fails the read as before (its failure is
        // the caller's, not the window's).
        var marking = UpdateWindowAsync(month, row =>
        {
            row.State = MonthWindowState.Syncing;
            row.LastReadAt = startedAt;
        }, cancellationToken);

        using var tally = UpstreamRequestTally.Begin();

        // The reader (and its HTTP client) is made for each read, in a scope of its own: this object lives as long as
        // the app, and the demo's upstream address is known only once the server listens.
        var scope = scopes.CreateAsyncScope();
        await using var scopeEnd = scope.ConfigureAwait(false);
        var reader = scope.ServiceProvider.GetRequiredService<IMeetingReader>();
        try
        {
            var meetings = new List<ArchivedMeeting>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var query = new MeetingQuery(window, ShowParticipants: true, ShowTelephonyUsage: true);
            await foreach (var meeting in reader.EnumerateAsync(query, progress, cancellationToken).ConfigureAwait(false))
            {
                if (!seen.Add(meeting.Uuid))
                {
                    throw new WindowRejectedException(new UnreachableReason(UnreachableCause.ListedTwice, meeting.Uuid));
                }

                meetings.Add(ToRow(meeting, month, meetings.Count));
            }

            pagesIn?.Invoke();
            await marking.ConfigureAwait(false);
            var settled = startedAt >= ArchiveSchedule.SettlesAt(month, options.Value);
            var completedAt = Stored(zone.Now);
            await WriteAsync(window, meetings, completedAt, tally.Requests, settled, cancellationToken).ConfigureAwait(false);
            return new MonthSyncOutcome(month, true, meetings.Count, zone.Attach(completedAt), tally.Requests, null) { Settled = settled };
        }
        catch (Exception) when (marking.IsFaulted || marking.IsCanceled)
        {
            // The archive refused the mark (unreachable, full): that failure, not the read's, is the caller's.
            await marking.ConfigureAwait(false);
            throw;
        }
        catch (UpstreamException exception)
        {
            return await FailMarkedAsync(exception.Failure).ConfigureAwait(false);
        }
        catch (WindowRejectedException exception)
        {
            return await FailMarkedAsync(Note(window, exception.Why)).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            var why = new UnreachableReason(UnreachableCause.NotWritten, database.Location, exception.Message.TrimEnd('.'));
            return await FailMarkedAsync(Note(window, why)).ConfigureAwait(false);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping may dispose what the read uses (its HTTP client, its scope) before the read sees the cancellation.
            await FailMarkedAsync(Note(window, new UnreachableReason(UnreachableCause.Stopped))).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A defect must not leave the window "syncing" for ever, nor stop the schedule for the other months.
            LogUnexpected(logger, exception, MonthName(month));
            return await FailMarkedAsync(Note(window, new UnreachableReason(UnreachableCause.Unexpected, exception.GetType().Name))).ConfigureAwait(false);
        }

        // The failure is written after the mark, never before it.
        async Task<MonthSyncOutcome> FailMarkedAsync(UpstreamFailure failure)
        {
            await marking.ConfigureAwait(false);
            return await FailAsync(month, failure, tally.Requests).ConfigureAwait(false);
        }
    }

    public void Dispose() => _writeGate.Dispose();

    /// <summary>The window row as it stands, for a month that need not be read.</summary>
    public async Task<MonthSyncOutcome> DescribeAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        var row = await context.MonthWindows.AsNoTracking().SingleOrDefaultAsync(window => window.Month == month, cancellationToken).ConfigureAwait(false);
        return Outcome(month, row);
    }

    /// <summary>Every window row, by month.</summary>
    public async Task<Dictionary<DateOnly, MonthWindow>> WindowsAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        return await context.MonthWindows.AsNoTracking().ToDictionaryAsync(window => window.Month, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Times go in as the service's wall-clock values, to whole microseconds (what PostgreSQL keeps), so a value read
    /// back equals the value written on both providers.
    /// </summary>
    internal static DateTime Stored(DateTimeOffset time) => new(time.DateTime.Ticks - time.DateTime.Ticks % 10, DateTimeKind.Unspecified);

    internal MonthSyncOutcome Outcome(DateOnly month, MonthWindow? row) => row is null
        ? new MonthSyncOutcome(month, false, 0, null, 0, null)
        : MonthSyncOutcome.Of(
            month,
            row.State == MonthWindowState.Synced,
            row.Records,
            row.CompletedAt is { } completed ? zone.Attach(completed) : null,
            row.UpstreamRequests,
            row.LastError) with { Settled = row.Settled && row.CompletedAt is not null };

    private static ArchivedMeeting ToRow(Meeting meeting, DateOnly month, int position)
    {
        foreach (var call in meeting.Telephony)
        {
            CheckFen(meeting, call.Cost);
        }

        CheckFen(meeting, meeting.TelephonyCost);
        return new ArchivedMeeting
        {
            Uuid = meeting.Uuid,
            HostId = meeting.HostId,
            MeetingId = meeting.MeetingId,
            Topic = meeting.Topic,
            TopicSearch = meeting.Topic.ToLowerInvariant(),
            Start = Stored(meeting.Start),
            ScheduledMinutes = meeting.ScheduledMinutes,
            End = meeting.End is { } end ? Stored(end) : null,
            IsExtra = meeting.IsExtra,
            WindowMonth = month,
            WindowPosition = position,
            ActualMinutes = meeting.ActualMinutes,
            ParticipantRows = meeting.Participants.Count,
            DistinctParticipants = meeting.DistinctParticipants,
            PhoneCalls = meeting.Telephony.Count,
            PhoneMinutes = meeting.TelephonyMinutes,
            PhoneCost = meeting.TelephonyCost,
            Participants = [.. meeting.Participants.Select((participant, index) => new ParticipantSession
            {
                MeetingUuid = meeting.Uuid,
                Position = index,
                Name = participant.Name,
                JoinTime = Stored(participant.JoinTime),
                LeaveTime = participant.LeaveTime is { } leave ? Stored(leave) : null,
            })],
            Telephony = [.. meeting.Telephony.Select((call, index) => new TelephonyLeg
            {
                MeetingUuid = meeting.Uuid,
                Position = index,
                PhoneNumber = call.PhoneNumber,
                Type = call.Type,
                StartTime = Stored(call.StartTime),
                EndTime = call.EndTime is { } end ? Stored(end) : null,
                Minutes = call.Minutes,
                Cost = call.Cost,
            })],
        };
    }

    /// <summary>The archive keeps money to the fen on both providers; a finer amount would be rounded by one and not the other.</summary>
    private static void CheckFen(Meeting meeting, decimal amount)
    {
        if (decimal.Round(amount, ArchiveContext.MoneyScale) != amount || Math.Abs(amount) >= 1_000_000_000_000m)
        {
            throw new WindowRejectedException(new UnreachableReason(UnreachableCause.CostFinerThanFen, meeting.Uuid, amount.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private async Task WriteAsync(DatePeriod window, List<ArchivedMeeting> meetings, DateTime completedAt, int requests, bool settled, CancellationToken cancellationToken)
    {
        var month = window.From;

        // The copy's rows are worked out before the writer is waited for: under it, only the database's work is done.
        var uuids = meetings.Select(meeting => meeting.Uuid).ToArray();
        var hostIds = meetings.Select(meeting => meeting.HostId).Distinct(StringComparer.Ordinal).ToList();
        List<ParticipantSession> participants = [.. meetings.SelectMany(meeting => meeting.Participants)];
        List<TelephonyLeg> legs = [.. meetings.SelectMany(meeting => meeting.Telephony)];
        var dayNames = RoomDayName.Of(meetings, zone);

        await using var context = database.CreateDbContext();
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var sqliteWriter = false;
        try
        {
            sqliteWriter = await PrepareSqliteWriterAsync(context, cancellationToken).ConfigureAwait(false);
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockWritersAsync(context, cancellationToken).ConfigureAwait(false);

            // A month the service now answers with no meeting at all, where the copy holds some, is history it no
            // longer keeps, not a month in which nothing happened: the copy stays ("Read this month again" on an old
            // month must not empty it).
            if (meetings.Count == 0
                && await context.MonthWindows.Where(row => row.Month == month && row.CompletedAt != null).Select(row => row.Records).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is > 0 and var kept)
            {
                throw new WindowRejectedException(UnreachableReason.Of(UnreachableCause.NoLongerListed, kept));
            }

            // Rooms first: meetings point at them.
            var knownRooms = await context.Rooms.Where(room => hostIds.Contains(room.HostId)).Select(room => room.HostId).ToListAsync(cancellationToken).ConfigureAwait(false);
            context.Rooms.AddRange(hostIds.Except(knownRooms, StringComparer.Ordinal).Select(hostId => new ArchivedRoom { HostId = hostId, FirstSeenAt = completedAt }));
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            context.ChangeTracker.Clear();

            // The window's old copy goes, and so does any record this read moved here from another month: the latest
            // read of the service decides which window a meeting belongs to. The window's keys go as one parameter
            // (a JSON array on SQLite, an array on PostgreSQL), not as one parameter per key, which EF Core 10 makes
            // by default and SQLite finds by name, one after another, at each execution.
            var moved = (await context.Meetings
                .Where(meeting => meeting.WindowMonth != month && EF.Parameter(uuids).Contains(meeting.Uuid))
                .Select(meeting => new { meeting.Uuid, meeting.WindowMonth })
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(meeting => (meeting.Uuid, From: meeting.WindowMonth)).ToList();

            // The rows of the window's meetings by their meeting's key, which leads each table's primary key: "uuid IN
            // (the window's meetings)" is a lookup per meeting, where a join through the navigation made SQLite visit
            // every participant row of the archive (300 ms for the current month's refresh on 13 months of demo data).
            var windowMeetings = context.Meetings.Where(meeting => meeting.WindowMonth == month).Select(meeting => meeting.Uuid);
            await context.ParticipantSessions.Where(session => windowMeetings.Contains(session.MeetingUuid)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await context.TelephonyLegs.Where(leg => windowMeetings.Contains(leg.MeetingUuid)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await context.Meetings.Where(meeting => meeting.WindowMonth == month).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await context.RoomDayNames.Where(row => row.WindowMonth == month).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (moved.Count > 0)
            {
                var movedUuids = moved.Select(meeting => meeting.Uuid).ToArray();
                await context.ParticipantSessions.Where(session => EF.Parameter(movedUuids).Contains(session.MeetingUuid)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await context.TelephonyLegs.Where(leg => EF.Parameter(movedUuids).Contains(leg.MeetingUuid)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await context.Meetings.Where(meeting => EF.Parameter(movedUuids).Contains(meeting.Uuid)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            // A window that lost meetings to this one counts its day names again from the meetings it keeps.
            foreach (var from in moved.Select(meeting => meeting.From).Distinct())
            {
                await RecountDayNamesAsync(context, from, zone, cancellationToken).ConfigureAwait(false);
            }

            // The new copy in bulk, past the change tracker (which cost more CPU than reading the month did).
            await BulkRows.InsertAsync(context, meetings, cancellationToken).ConfigureAwait(false);
            await BulkRows.InsertAsync(context, participants, cancellationToken).ConfigureAwait(false);
            await BulkRows.InsertAsync(context, legs, cancellationToken).ConfigureAwait(false);
            await BulkRows.InsertAsync(context, dayNames, cancellationToken).ConfigureAwait(false);

            var row = await context.MonthWindows.SingleOrDefaultAsync(window => window.Month == month, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new MonthWindow { Month = month };
                context.MonthWindows.Add(row);
            }

            row.State = MonthWindowState.Synced;
            row.Records = meetings.Count;
            row.CompletedAt = completedAt;
            row.UpstreamRequests = requests;
            row.LastError = null;
            row.Settled = settled;
            row.PeopleSummed = true;
            context.ChangeTracker.DetectChanges();
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            held.Invalidate();
            Volatile.Write(ref _writtenSinceSettled, 1);
            LogSynced(logger, window, meetings.Count, requests);
        }
        finally
        {
            _writeGate.Release();
            if (sqliteWriter)
            {
                // After a failed write too: the pooled connection must not keep its automatic checkpoint off.
                await CheckpointSqliteAsync(context).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Replaces a window's day names (and the sums they carry) with those of the meetings its copy holds now.</summary>
    internal static async Task RecountDayNamesAsync(ArchiveContext context, DateOnly month, UpstreamZone zone, CancellationToken cancellationToken)
    {
        await context.RoomDayNames.Where(row => row.WindowMonth == month).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var meetings = await context.Meetings.AsNoTracking()
            .Where(meeting => meeting.WindowMonth == month)
            .Include(meeting => meeting.Participants)
            .AsSplitQuery()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        await BulkRows.InsertAsync(context, RoomDayName.Of(meetings, zone), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Once windows were written, leaves the database as a load should, when the synchroniser's reads in flight are
    /// done (not after every window). Returns whether it ran.
    /// <list type="bullet">
    /// <item>PostgreSQL gathers its planner's statistics of the big tables afresh (ANALYZE), as its manual advises
    /// after loading data ("Populating a Database"). Autovacuum would do it too, but only about a minute later: until
    /// then the reports of a just-filled archive ran on plans made for empty tables (on 24 months, /rooms' distinct
    /// names sorted 135,000 rows on disk: 261 ms against 142 ms with the statistics). Costs about 0.2 s of the
    /// server's time.</item>
    /// <item>SQLite copies its log into the file and truncates it (<c>wal_checkpoint(TRUNCATE)</c>). Each window's
    /// write checkpoints only passively, beside the next window's write, so through a fill the log grew to its
    /// high-water mark: 25 MB for 13 months of demo data, against 8 MB when every commit checkpointed, and SQLite
    /// never shrinks the file by itself. Its plans for the reports do not depend on statistics.</item>
    /// </list>
    /// </summary>
    public async Task<bool> SettleWritesAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _writtenSinceSettled, 0) == 0)
        {
            return false;
        }

        try
        {
            await using var context = database.CreateDbContext();
            if (database.Provider == ArchiveProvider.Sqlite)
            {
                if (await TruncateSqliteLogAsync(context, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }

                // Settled again after the next months are written.
                Volatile.Write(ref _writtenSinceSettled, 1);
                LogNotCheckpointed(logger, "other connections were still reading or writing it");
                return false;
            }

            var tables = string.Join(", ", new[] { typeof(ArchivedMeeting), typeof(ParticipantSession), typeof(TelephonyLeg), typeof(RoomDayName) }
                .Select(type => context.Model.FindEntityType(type)!)
                .Select(entity => $"\"{entity.GetSchema() ?? "public"}\".\"{entity.GetTableName()}\""));
#pragma warning disable EF1002 // The table names come from the model, not from any input.
            await context.Database.ExecuteSqlRawAsync($"ANALYZE {tables}", cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
            return true;
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or OperationCanceledException)
        {
            // Only speed and disk space are at stake: autovacuum gathers the statistics anyway, and the next
            // checkpoint copies what this one left.
            Volatile.Write(ref _writtenSinceSettled, 1);
            if (database.Provider == ArchiveProvider.Sqlite)
            {
                LogNotCheckpointed(logger, exception.Message);
            }
            else
            {
                LogStatisticsNotRefreshed(logger, exception.Message);
            }

            return false;
        }
    }

    /// <summary>
    /// Copies SQLite's log into the file and empties it, trying again for a short while when other connections hold
    /// it. Never waiting inside SQLite: a TRUNCATE checkpoint that waits for readers keeps every writer out meanwhile,
    /// and a download can read for minutes. A busy checkpoint raises no error; it copies what it can, as a PASSIVE one,
    /// and reports itself busy in its first column. A read that just ended (the schedule's look at the windows, the
    /// room names) is the usual reason, and is over within milliseconds. The connection's wait is set again at its
    /// next open.
    /// </summary>
    private static async Task<bool> TruncateSqliteLogAsync(ArchiveContext context, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 0", cancellationToken).ConfigureAwait(false);
        await using var checkpoint = context.Database.GetDbConnection().CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        for (var attempt = 1; ; attempt++)
        {
            // Columns: busy, the log's pages, the pages copied.
            await using (var result = await checkpoint.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await result.ReadAsync(cancellationToken).ConfigureAwait(false) && result.GetInt64(0) == 0)
                {
                    return true;
                }
            }

            if (attempt == SettleAttempts)
            {
                return false;
            }

            await Task.Delay(SettlePause, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps the room list's names and capacities in the archive (a room it lists is added). Written under the same
    /// gate and lock as the windows, which add the rooms their meetings point at: the two may run at the same time.
    /// </summary>
    public async Task NameRoomsAsync(IReadOnlyList<Room> rooms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateDbContext();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockWritersAsync(context, cancellationToken).ConfigureAwait(false);
            var stored = await context.Rooms.ToDictionaryAsync(room => room.HostId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
            var now = Stored(zone.Now);
            foreach (var room in rooms)
            {
                if (!stored.TryGetValue(room.HostId, out var row))
                {
                    row = new ArchivedRoom { HostId = room.HostId, FirstSeenAt = now };
                    context.Rooms.Add(row);
                }

                row.Name = room.Name;
                row.Capacity = room.Capacity;
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// On SQLite, lets the window's commit return without waiting for the disk, and leaves the log's checkpoint to
    /// after the writer's gate (<see cref="CheckpointSqliteAsync"/>). In WAL mode (the migrator sets it) with
    /// synchronous=NORMAL, SQLite's manual says, a commit is durable once the log is checkpointed and the file can
    /// never be corrupted; a power cut may undo the last commits, each whole. A window whose write was undone so has
    /// its previous copy (or none) and its previous window row, and the schedule reads it again as it does any window
    /// not read since. The default, FULL, waited for the disk at every commit: 20–35 ms a window, on the write lock
    /// every other window waits for. Set on the connection the window's transaction then uses (a pooled connection
    /// keeps it).
    /// </summary>
    private async Task<bool> PrepareSqliteWriterAsync(ArchiveContext context, CancellationToken cancellationToken)
    {
        if (database.Provider != ArchiveProvider.Sqlite)
        {
            return false;
        }

        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// On SQLite, copies the log's pages into the file once the window is written and the gate is open, as the commit
    /// itself would have (SQLite checkpoints once the log passes 1,000 pages, most windows' writes do): a PASSIVE
    /// checkpoint, which waits for no reader and no writer, so the next window's write goes on meanwhile. Then turns
    /// the automatic checkpoint on again for whoever uses the pooled connection next. A checkpoint that fails costs
    /// nothing but the log's length: the next one copies what it left.
    /// </summary>
    private async Task CheckpointSqliteAsync(ArchiveContext context)
    {
        try
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE); PRAGMA wal_autocheckpoint = 1000", CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            LogNotCheckpointed(logger, exception.Message);
        }
    }

    /// <summary>
    /// One writer of windows and rooms at a time across every instance on a PostgreSQL database too (two months share
    /// rooms and the meetings that cross their boundary); released with the transaction, whatever becomes of it.
    /// </summary>
    private async Task LockWritersAsync(ArchiveContext context, CancellationToken cancellationToken)
    {
        if (database.Provider == ArchiveProvider.PostgreSql)
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WritersLock})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The archive's own reason for not keeping a new copy of <paramref name="window"/>, worded like the service's failures.</summary>
    private static UpstreamUnreachable Note(DatePeriod window, UnreachableReason why) => new(window, why);

    /// <summary>
    /// Marks the window failed with <paramref name="failure"/>, kept coded (<see cref="StoredFailure"/>) so that /archive
    /// and the pages word it in their reader's language.
    /// </summary>
    private async Task<MonthSyncOutcome> FailAsync(DateOnly month, UpstreamFailure failure, int requests)
    {
        var reason = failure.Describe();
        LogFailed(logger, MonthName(month), reason);
        MonthWindow? failed = null;
        try
        {
            // Recorded even when the caller has gone: the window must not stay "syncing".
            failed = await UpdateWindowAsync(month, row =>
            {
                row.State = MonthWindowState.Failed;
                row.LastError = StoredFailure.Write(failure);
                row.UpstreamRequests = requests;
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            LogNotRecorded(logger, MonthName(month), exception.Message);
        }

        var outcome = Outcome(month, failed);
        return outcome with { Succeeded = false, Failure = reason, UpstreamRequests = requests, UpstreamFailure = failure };
    }

    private async Task<MonthWindow> UpdateWindowAsync(DateOnly month, Action<MonthWindow> change, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateDbContext();
            var row = await context.MonthWindows.SingleOrDefaultAsync(window => window.Month == month, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new MonthWindow { Month = month, State = MonthWindowState.Pending };
                context.MonthWindows.Add(row);
            }

            change(row);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            held.Invalidate();
            return row;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive's planner statistics were not refreshed after new months were written (autovacuum will): {Reason}")]
    private static partial void LogStatisticsNotRefreshed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive's log was not copied into its file after months were written (the next checkpoint will): {Reason}")]
    private static partial void LogNotCheckpointed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived {Window}: {Records} meeting(s), {Requests} upstream request(s)")]
    private static partial void LogSynced(ILogger logger, DatePeriod window, int records, int requests);

    /// <summary>A month as the logs name it, 2025-04, whatever the server's culture (not 04/01/2025).</summary>
    private static string MonthName(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The month {Month} was not archived; its previous copy is kept: {Reason}")]
    private static partial void LogFailed(ILogger logger, string month, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the month {Month} for the archive failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string month);

    [LoggerMessage(Level = LogLevel.Error, Message = "The failure of month {Month} could not be recorded in the archive: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string month, string reason);

    /// <summary>The read was complete but cannot become the window's copy.</summary>
    private sealed class WindowRejectedException(UnreachableReason why) : Exception(why.Describe())
    {
        public UnreachableReason Why { get; } = why;
    }
}
