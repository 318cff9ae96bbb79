using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Runs the archive's schedule for as long as the app runs: the due months, newest first, then a wait until the next
/// one is due (Archive:RefreshInterval at most). Trouble with the database is logged and tried again after a while;
/// it never stops the app.
/// </summary>
internal sealed partial class ArchiveSyncService(
    ArchiveSynchroniser synchroniser,
    ArchiveCoordination coordination,
    ArchiveMigrationState migration,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    IOptions<ArchiveOptions> options,
    ILogger<ArchiveSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Schedule)
        {
            LogScheduleOff(logger);
            return;
        }

        // Not before the app serves (the demo's meeting service is this very server), nor before the schema is up to
        // date (a PostgreSQL server that could not be reached at start).
        try
        {
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStarted.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await migration.Ready.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await RunScheduleAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            // Another instance on the same database takes the schedule over at its next look.
            await coordination.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RunScheduleAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await synchroniser.RunDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or ArchiveUnavailableException or InvalidOperationException)
            {
                // The database gone or full: the app keeps serving, and the schedule tries again later.
                LogArchiveTrouble(logger, exception.Message);
                wait = options.Value.RefreshInterval;
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The archive's schedule could not run; it is tried again after Archive:RefreshInterval: {Reason}")]
    private static partial void LogArchiveTrouble(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive:Schedule is off: months are read only when asked for")]
    private static partial void LogScheduleOff(ILogger logger);
}
