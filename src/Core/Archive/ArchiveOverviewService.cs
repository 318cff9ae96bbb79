using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// The month windows from Archive:Since (or any older month read on demand) to today, newest first. A month with no
/// row yet is pending; a month the synchroniser is reading right now is syncing, whatever its row says yet.
/// </summary>
internal sealed class ArchiveOverviewService(
    ArchiveDatabase database,
    ArchiveMigrationState migration,
    ArchiveSynchroniser synchroniser,
    UpstreamStatus upstream,
    UpstreamZone zone,
    IOptions<ArchiveOptions> options) : IArchiveOverview
{
    public async Task<ArchiveOverview> GetAsync(CancellationToken cancellationToken)
    {
        migration.ThrowIfNotReady();
        var settings = options.Value;
        var today = zone.Today;
        var first = ArchiveSchedule.FirstMonth(settings, today);

        // Taken before and after the query: a read that starts or ends meanwhile still shows as syncing.
        var reading = synchroniser.MonthsBeingRead();
        await using var context = database.CreateDbContext();
        var stored = await WindowRowsAsync(context, cancellationToken).ConfigureAwait(false);
        reading.UnionWith(synchroniser.MonthsBeingRead());

        var byMonth = stored.ToDictionary(row => row.Month);
        var months = ArchiveSchedule.Months(first, today).Union(byMonth.Keys).OrderDescending();
        var rows = months.Select(month => Row(month, byMonth.GetValueOrDefault(month), reading.Contains(month))).ToList();

        return new ArchiveOverview(
            new ArchiveSettingsInForce(
                database.Provider == ArchiveProvider.Sqlite ? ArchiveOptions.SqliteProvider : ArchiveOptions.PostgreSqlProvider,
                database.Location,
                first,
                settings.Since is null,
                settings.RefreshInterval,
                settings.SettleAfter,
                settings.Schedule),
            rows,
            upstream.Attempts);
    }

    /// <summary>Every window row, newest first, as stored.</summary>
    internal static Task<List<StoredWindow>> WindowRowsAsync(ArchiveContext context, CancellationToken cancellationToken) =>
        context.MonthWindows
            .AsNoTracking()
            .OrderByDescending(window => window.Month)
            .Select(window => new StoredWindow(
                window.Month,
                window.State,
                window.Records,
                window.CompletedAt,
                window.LastReadAt,
                window.UpstreamRequests,
                window.LastError,
                window.Settled))
            .ToListAsync(cancellationToken);

    private ArchiveWindowRow Row(DateOnly month, StoredWindow? stored, bool reading)
    {
        if (stored is null)
        {
            return new ArchiveWindowRow(month, reading ? ArchiveWindowState.Syncing : ArchiveWindowState.Pending, 0, null, null, 0, null, false);
        }

        var state = reading ? ArchiveWindowState.Syncing : stored.State switch
        {
            MonthWindowState.Synced => ArchiveWindowState.Synced,
            MonthWindowState.Failed => ArchiveWindowState.Failed,

            // "syncing" with no read in flight: a read this app did not finish (it stopped or crashed meanwhile).
            _ => ArchiveWindowState.Pending,
        };
        var failure = StoredFailure.ReadIfStored(stored.LastError);
        return new ArchiveWindowRow(
            month,
            state,
            stored.Records,
            stored.CompletedAt is { } completed ? zone.Attach(completed) : null,
            stored.LastReadAt is { } lastRead ? zone.Attach(lastRead) : null,
            stored.UpstreamRequests,
            failure?.Describe() ?? stored.LastError,
            stored.Settled)
        {
            LastFailure = failure,
        };
    }

    internal sealed record StoredWindow(
        DateOnly Month,
        MonthWindowState State,
        int Records,
        DateTime? CompletedAt,
        DateTime? LastReadAt,
        int UpstreamRequests,
        string? LastError,
        bool Settled);
}
