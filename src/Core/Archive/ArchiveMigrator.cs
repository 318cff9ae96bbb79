using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Brings the archive's schema up to this version of the app, or refuses with a sentence: a database written by a
/// newer version (migrations this one does not know) is left untouched, and so is a file that is not a database.
/// </summary>
internal sealed partial class ArchiveMigrator(ArchiveDatabase database, ArchiveMigrationState state, UpstreamZone zone, ILogger<ArchiveMigrator> logger)
{
    /// <summary>
    /// Migrates, or returns why the database server cannot be reached now (a PostgreSQL server down, starting or out of
    /// connections: worth trying again later). Anything else that is wrong throws, as <see cref="MigrateAsync"/> does.
    /// </summary>
    public async Task<string?> TryMigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ArchiveUnavailableException exception) when (IsUnreachable(exception.InnerException))
        {
            var reason = $"The archive in {database.Description} cannot be reached: {exception.InnerException!.Message.TrimEnd('.')}.";
            state.MarkWaiting(reason);
            return reason;
        }
    }

    /// <summary>
    /// A server that does not answer, is starting, or is out of resources may be fine in a minute; a local SQLite file
    /// that cannot be opened, a wrong password or a database that is not ours will not be.
    /// </summary>
    internal static bool IsUnreachable(Exception? exception) => exception is NpgsqlException { IsTransient: true };

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (database.SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var context = database.CreateDbContext();
        try
        {
            var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = applied.Where(id => !known.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArchiveUnavailableException(
                    $"The archive in {database.Description} was written by a newer version of UMeeting Reports: it has the migration(s) {string.Join(", ", unknown)}, which this version does not know. " +
                    "Run the newer version, or point ConnectionStrings:Archive at a copy this version wrote; the archive was left untouched.");
            }

            var pending = known.Except(applied, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (database.Provider == ArchiveProvider.Sqlite)
            {
                // Readers (the reports) go on reading while a window is written.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }

            if (pending.Count > 0)
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                if (applied.Count == 0)
                {
                    LogCreated(logger, database.Description, pending[^1]);
                }
                else
                {
                    LogMigrated(logger, database.Description, pending);
                }
            }
            else
            {
                LogUpToDate(logger, database.Description);
            }

            await SumPeopleOfOlderCopiesAsync(context, cancellationToken).ConfigureAwait(false);
            state.MarkReady();
        }
        catch (DbException exception)
        {
            throw new ArchiveUnavailableException(
                $"The archive in {database.Description} could not be opened or upgraded: {exception.Message.TrimEnd('.')}. " +
                "Check that it is reachable and is an archive of this app (restore it from a backup, or move a damaged file aside to start an empty one).",
                exception);
        }
    }

    /// <summary>
    /// Gives the copies written before the day names carried each name's sums (<see cref="MonthWindow.PeopleSummed"/>)
    /// those sums, counted from their participant rows, before anything reads them: the participants report sums a
    /// period from the day names alone. One window at a time, each in a transaction of its own under the writers' lock,
    /// so another instance that starts meanwhile waits and then finds the window done.
    /// </summary>
    private async Task SumPeopleOfOlderCopiesAsync(ArchiveContext context, CancellationToken cancellationToken)
    {
        var months = await context.MonthWindows.AsNoTracking().Where(window => !window.PeopleSummed).Select(window => window.Month).OrderBy(month => month)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var month in months)
        {
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (database.Provider == ArchiveProvider.PostgreSql)
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({MonthWindowSync.WritersLock})", cancellationToken).ConfigureAwait(false);
            }

            var window = await context.MonthWindows.SingleAsync(window => window.Month == month, cancellationToken).ConfigureAwait(false);
            if (!window.PeopleSummed)
            {
                await MonthWindowSync.RecountDayNamesAsync(context, month, zone, cancellationToken).ConfigureAwait(false);
                window.PeopleSummed = true;
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            context.ChangeTracker.Clear();
        }

        if (months.Count > 0)
        {
            LogPeopleSummed(logger, database.Description, months.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The archive in {Database}: each name's sums were counted for {Windows} month(s) written by an older version")]
    private static partial void LogPeopleSummed(ILogger logger, string database, int windows);

    [LoggerMessage(Level = LogLevel.Information, Message = "The archive in {Database} was created (schema {Migration})")]
    private static partial void LogCreated(ILogger logger, string database, string migration);

    [LoggerMessage(Level = LogLevel.Information, Message = "The archive in {Database} was upgraded: {Migrations}")]
    private static partial void LogMigrated(ILogger logger, string database, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "The archive in {Database} is up to date")]
    private static partial void LogUpToDate(ILogger logger, string database);
}

/// <summary>
/// Applies the archive's migrations when the app starts, before the synchroniser runs. A database that refuses (newer,
/// not a database, wrong credentials) stops the start. A PostgreSQL server that cannot be reached does not: the app
/// serves (pages that need the archive answer 503, /healthz/ready says why) and the migration is tried again, every
/// few seconds at first and every minute at most, until it succeeds; a database found then to be one this version must
/// not touch is left alone, and the 503 and /healthz/ready give the refusal's sentence.
/// </summary>
internal sealed partial class ArchiveMigrationService(
    ArchiveMigrator migrator,
    ArchiveMigrationState state,
    ILogger<ArchiveMigrationService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;
    private int _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await migrator.TryMigrateAsync(cancellationToken).ConfigureAwait(false) is { } unreachable)
        {
            LogDeferred(logger, unreachable);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped again after it was disposed (the test factory does, once Program's RunAsync has ended).
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check above and here (a host stopped and disposed at once): nothing is left to stop.
            return;
        }

        try
        {
            await _retrying.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
        }
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        var wait = FirstRetry;
        while (true)
        {
            await Task.Delay(wait, stopping).ConfigureAwait(false);
            try
            {
                if (await migrator.TryMigrateAsync(stopping).ConfigureAwait(false) is not { } reason)
                {
                    LogReachedAgain(logger);
                    return;
                }

                LogStillUnreachable(logger, wait.Add(wait) < LongestRetry ? wait.Add(wait) : LongestRetry, reason);
            }
            catch (ArchiveUnavailableException exception)
            {
                // Reached at last, and it is a database this version must not touch: it is left alone, and the pages
                // and /healthz/ready say why until an operator acts (at start the same refusal stops the app).
                state.MarkRefused(exception.Message);
                LogRefused(logger, exception.Message);
                return;
            }

            wait = wait.Add(wait) < LongestRetry ? wait.Add(wait) : LongestRetry;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The app starts without its archive and tries again in a moment; pages that need it answer 503: {Reason}")]
    private static partial void LogDeferred(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive still cannot be reached; tried again in {Wait}: {Reason}")]
    private static partial void LogStillUnreachable(ILogger logger, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The archive can be reached again and is up to date")]
    private static partial void LogReachedAgain(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The archive is refused and stays unused until the app is restarted: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

/// <summary>
/// Whether the archive's schema is known to be up to date in this app, and if not, why (for the readiness check and
/// for the pages' 503). Until the first migration has run it is not.
/// </summary>
internal sealed class ArchiveMigrationState
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _problem = "The archive has not been opened yet (the app is starting).";

    /// <summary>Completes once the schema is up to date.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Null once the schema is up to date; otherwise a sentence that names the archive.</summary>
    public string? Problem => _problem;

    public void MarkReady()
    {
        _problem = null;
        _ready.TrySetResult();
    }

    public void MarkRefused(string reason) => _problem = reason;

    public void MarkWaiting(string reason)
    {
        if (!_ready.Task.IsCompleted)
        {
            _problem = reason;
        }
    }

    /// <summary>Throws the sentence of <see cref="Problem"/> while the schema is not known to be up to date.</summary>
    public void ThrowIfNotReady()
    {
        if (_problem is { } problem)
        {
            throw new ArchiveUnavailableException(problem);
        }
    }
}
