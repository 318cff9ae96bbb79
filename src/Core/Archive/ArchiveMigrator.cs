using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Brings the archive's schema up to this version of the app, or refuses with a sentence: a database written by a
/// newer version (migrations this one does not know) is left untouched, and so is a file that is not a database.
/// </summary>
internal sealed partial class ArchiveMigrator(ArchiveDatabase database, ILogger<ArchiveMigrator> logger)
{
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
                LogMigrated(logger, database.Description, pending);
            }
            else
            {
                LogUpToDate(logger, database.Description);
            }
        }
        catch (DbException exception)
        {
            throw new ArchiveUnavailableException(
                $"The archive in {database.Description} could not be opened or upgraded: {exception.Message.TrimEnd('.')}. " +
                "Check that it is reachable and is an archive of this app (restore it from a backup, or move a damaged file aside to start an empty one).",
                exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The archive in {Database} was upgraded: {Migrations}")]
    private static partial void LogMigrated(ILogger logger, string database, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "The archive in {Database} is up to date")]
    private static partial void LogUpToDate(ILogger logger, string database);
}

/// <summary>Applies the archive's migrations when the app starts, before the synchroniser runs; a refusal stops the start.</summary>
internal sealed class ArchiveMigrationService(ArchiveMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
