using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Core.Instances;

internal sealed class DownloadJobStore(ArchiveDatabase database) : IDownloadJobStore
{
    public const string Waiting = "waiting";
    public const string Running = "running";
    public const string Failed = "failed";

    public async Task AddAsync(DownloadJobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var context = database.CreateDbContext();
        context.DownloadJobs.Add(job);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DownloadJobRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        return await context.DownloadJobs.AsNoTracking().SingleOrDefaultAsync(job => job.Id == id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DownloadJobRecord?> FindUnfinishedAsync(string owner, string workKey, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        return await context.DownloadJobs.AsNoTracking()
            .Where(job => job.Owner == owner && job.WorkKey == workKey && (job.State == Waiting || job.State == Running))
            .OrderByDescending(job => job.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountUnfinishedAsync(string owner, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        return await context.DownloadJobs.CountAsync(job => job.Owner == owner && (job.State == Waiting || job.State == Running), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool?> ReportAsync(DownloadJobRecord progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var heartbeat = Stamps.Of(now);
        await using var context = database.CreateDbContext();
        var updated = await context.DownloadJobs
            .Where(job => job.Id == progress.Id && (job.State == Waiting || job.State == Running))
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(job => job.State, progress.State)
                    .SetProperty(job => job.Stage, progress.Stage)
                    .SetProperty(job => job.WindowsDone, progress.WindowsDone)
                    .SetProperty(job => job.WindowsTotal, progress.WindowsTotal)
                    .SetProperty(job => job.PagesDone, progress.PagesDone)
                    .SetProperty(job => job.PagesTotal, progress.PagesTotal)
                    .SetProperty(job => job.Rows, progress.Rows)
                    .SetProperty(job => job.RowsTotal, progress.RowsTotal)
                    .SetProperty(job => job.Percent, progress.Percent)
                    .SetProperty(job => job.HeartbeatAtUtc, heartbeat),
                cancellationToken)
            .ConfigureAwait(false);
        var row = await context.DownloadJobs.AsNoTracking()
            .Where(job => job.Id == progress.Id)
            .Select(job => new { job.CancelRequested })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        // Not updated: ended (or failed by an instance that took this one for dead), unless the row is not there yet.
        return updated == 0 ? (row is null ? false : null) : row?.CancelRequested ?? false;
    }

    public async Task EndAsync(DownloadJobRecord ended, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var at = Stamps.Of(now);
        await using var context = database.CreateDbContext();
        await context.DownloadJobs
            .Where(job => job.Id == ended.Id && (job.State == Waiting || job.State == Running))
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(job => job.State, ended.State)
                    .SetProperty(job => job.Stage, ended.Stage)
                    .SetProperty(job => job.WindowsDone, ended.WindowsDone)
                    .SetProperty(job => job.WindowsTotal, ended.WindowsTotal)
                    .SetProperty(job => job.PagesDone, ended.PagesDone)
                    .SetProperty(job => job.PagesTotal, ended.PagesTotal)
                    .SetProperty(job => job.Rows, ended.Rows)
                    .SetProperty(job => job.RowsTotal, ended.RowsTotal)
                    .SetProperty(job => job.Percent, ended.Percent)
                    .SetProperty(job => job.Sheets, ended.Sheets)
                    .SetProperty(job => job.Failure, ended.Failure)
                    .SetProperty(job => job.HeartbeatAtUtc, at)
                    .SetProperty(job => job.EndedAtUtc, at),
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task RequestCancelAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        await context.DownloadJobs.Where(job => job.Id == id)
            .ExecuteUpdateAsync(setters => setters.SetProperty(job => job.CancelRequested, true), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> FailAbandonedAsync(DateTimeOffset heartbeatBefore, string? instance, string sentence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = Stamps.Of(heartbeatBefore);
        var at = Stamps.Of(now);
        await using var context = database.CreateDbContext();
        return await context.DownloadJobs
            .Where(job => (job.State == Waiting || job.State == Running) && (job.HeartbeatAtUtc < before || job.Instance == instance))
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(job => job.State, Failed)
                    .SetProperty(job => job.Failure, sentence)
                    .SetProperty(job => job.EndedAtUtc, at),
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DownloadJobRecord>> EndedBeforeAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken)
    {
        var before = Stamps.Of(endedBefore);
        await using var context = database.CreateDbContext();
        return await context.DownloadJobs.AsNoTracking().Where(job => job.EndedAtUtc != null && job.EndedAtUtc < before).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        await context.DownloadJobs.Where(job => job.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
