using Microsoft.Extensions.Options;
using UMeetingReports.Core.Export;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// Downloads too long to stream at once, run in the background: each writes its file into a folder of this
/// instance, and belongs to the user who started it — another user's id finds nothing. At most
/// Exports:MaxConcurrentJobs read the upstream at once, the rest wait their turn; a user may have
/// Exports:MaxJobsPerUser waiting or running. A file is deleted once downloaded; a job that ended is forgotten, and
/// its file deleted, Exports:JobLifetime later (<see cref="ExportJobSweeper"/> calls <see cref="Sweep"/>).
/// </summary>
internal sealed partial class ExportJobs : IDisposable
{
    /// <summary>The folder, under the system's temporary one, where every instance keeps a folder of its own.</summary>
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "umeeting-downloads");

    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ExportJob> _jobs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private readonly IServiceScopeFactory _scopes;
    private readonly ExportOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExportJobs> _logger;

    public ExportJobs(IServiceScopeFactory scopes, IOptions<ExportOptions> options, TimeProvider clock, ILogger<ExportJobs> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_scopes, _options, _clock, _logger) = (scopes, options.Value, clock, logger);
        _slots = new SemaphoreSlim(_options.MaxConcurrentJobs, _options.MaxConcurrentJobs);
        Folder = Path.Combine(Root, Path.GetRandomFileName());
    }

    /// <summary>This instance's folder; created with the first job, deleted on shut-down.</summary>
    public string Folder { get; }

    /// <summary>
    /// A new job for <paramref name="owner"/>, or the one of theirs already waiting or running for the same download;
    /// null when they have Exports:MaxJobsPerUser waiting or running already.
    /// </summary>
    public ExportJob? Start(string owner, ExportCriteria criteria, ExportRequest request, string fileName)
    {
        lock (_gate)
        {
            var unfinished = _jobs.Values.Where(job => job.Owner == owner && job.IsUnfinished).ToList();
            if (unfinished.Find(job => job.Criteria == criteria) is { } same)
            {
                return same;
            }

            if (unfinished.Count >= _options.MaxJobsPerUser)
            {
                LogRefused(_logger, owner, unfinished.Count);
                return null;
            }

            // The files hold names and, for an Admin, whole phone numbers: only this process's user may read them.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Folder);
            }
            else
            {
                Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var job = new ExportJob(owner, criteria, request, fileName, Path.Combine(Folder, Path.GetRandomFileName()), _clock.GetUtcNow());

            // The job outlives the request: it must not carry the request's context (user, culture, trace) along.
            using (ExecutionContext.SuppressFlow())
            {
                job.Completion = Task.Run(() => RunAsync(job));
            }

            _jobs.Add(job.Id, job);
            LogStarted(_logger, job.Id, owner, criteria.Period);
            return job;
        }
    }

    /// <summary>The job <paramref name="id"/> of <paramref name="owner"/>; null when they have none of that id.</summary>
    public ExportJob? Find(string owner, string? id)
    {
        lock (_gate)
        {
            return id is not null && _jobs.TryGetValue(id, out var job) && string.Equals(job.Owner, owner, StringComparison.Ordinal) ? job : null;
        }
    }

    /// <summary>
    /// Stops the job <paramref name="id"/> of <paramref name="owner"/> and waits a little for it to end, so that the
    /// page shown next says "cancelled" (the cancellation reaches the upstream calls at once); false when they have
    /// no job of that id.
    /// </summary>
    public async Task<bool> CancelAsync(string owner, string? id, CancellationToken cancellationToken)
    {
        if (Find(owner, id) is not { } job)
        {
            return false;
        }

        job.Cancel();
        await job.Completion.WaitAsync(CancelWait, _clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return true;
    }

    /// <summary>Opens the job's finished file for reading; null when the job is not done or its file is gone.</summary>
    public static FileStream? OpenFile(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State != ExportJobState.Done)
        {
            return null;
        }

        try
        {
            // FileShare.Delete: the sweeper may delete the file while a slow download still reads it.
            return new FileStream(job.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The owner has the file: the job and the file are gone, and its address answers 404 from now on.</summary>
    public void Downloaded(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Forget(job);
        LogDownloaded(_logger, job.Id, job.Owner);
    }

    /// <summary>Forgets the jobs that ended Exports:JobLifetime ago or more, and deletes their files.</summary>
    public void Sweep()
    {
        var now = _clock.GetUtcNow();
        List<ExportJob> expired;
        lock (_gate)
        {
            expired = [.. _jobs.Values.Where(job => job.EndedAt is { } ended && now - ended >= _options.JobLifetime)];
        }

        foreach (var job in expired)
        {
            Forget(job);
            LogExpired(_logger, job.Id, job.Owner, (long)_options.JobLifetime.TotalMinutes);
        }
    }

    /// <summary>
    /// Deletes the folders that instances which stopped without cleaning up (a crash, a killed container) left
    /// behind: those where nothing was written for Exports:JobLifetime. A running instance writes into its own.
    /// </summary>
    public void DeleteLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var cutoff = _clock.GetUtcNow().UtcDateTime - _options.JobLifetime;
        foreach (var folder in new DirectoryInfo(Root).EnumerateDirectories())
        {
            var lastWrite = folder.EnumerateFiles().Select(file => file.LastWriteTimeUtc).Append(folder.LastWriteTimeUtc).Max();
            if (folder.FullName != Folder && lastWrite < cutoff)
            {
                TryDelete(() => folder.Delete(recursive: true));
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var job in _jobs.Values)
            {
                job.Cancel();
            }

            _jobs.Clear();
        }

        if (Directory.Exists(Folder))
        {
            TryDelete(() => Directory.Delete(Folder, recursive: true));
        }
    }

    private async Task RunAsync(ExportJob job)
    {
        var state = ExportJobState.Failed;
        ExportOutcome? outcome = null;
        try
        {
            await _slots.WaitAsync(job.Stopping).ConfigureAwait(false);
            try
            {
                job.Started();
                var scope = _scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var exporter = scope.ServiceProvider.GetRequiredService<IWorkbookExporter>();
                    var file = new FileStream(job.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                    await using (file.ConfigureAwait(false))
                    {
                        outcome = job.Criteria.Table is { } table
                            ? await exporter.WriteCsvAsync(job.Request, table, file, job, job.Stopping).ConfigureAwait(false)
                            : await exporter.WriteXlsxAsync(job.Request, file, job, job.Stopping).ConfigureAwait(false);
                    }
                }

                state = outcome.Succeeded ? ExportJobState.Done : ExportJobState.Failed;
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (job.Stopping.IsCancellationRequested)
        {
            state = ExportJobState.Cancelled;
            LogCancelled(_logger, job.Id, job.Owner);
        }
        catch (Exception exception)
        {
            // Nobody awaits a job: whatever broke it is logged here, and its page says it broke off.
            LogBroke(_logger, exception, job.Id, job.Owner);
        }
        finally
        {
            if (state != ExportJobState.Done)
            {
                TryDelete(() => File.Delete(job.FilePath));
            }

            job.Ended(state, _clock.GetUtcNow(), outcome, outcome?.Failure);
            job.Dispose();
        }
    }

    private void Forget(ExportJob job)
    {
        lock (_gate)
        {
            _jobs.Remove(job.Id);
        }

        job.Cancel();
        TryDelete(() => File.Delete(job.FilePath));
    }

    private void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogNotDeleted(_logger, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Download job {JobId} of {Period} started for {Owner}")]
    private static partial void LogStarted(ILogger logger, string jobId, string owner, Core.Upstream.DatePeriod period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Download job refused for {Owner}: {Unfinished} of theirs are waiting or running")]
    private static partial void LogRefused(ILogger logger, string owner, int unfinished);

    [LoggerMessage(Level = LogLevel.Information, Message = "Download job {JobId} of {Owner} was cancelled")]
    private static partial void LogCancelled(ILogger logger, string jobId, string owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "Download job {JobId} of {Owner} broke off; its file was deleted")]
    private static partial void LogBroke(ILogger logger, Exception exception, string jobId, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Download job {JobId} was downloaded by {Owner}; its file was deleted")]
    private static partial void LogDownloaded(ILogger logger, string jobId, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Download job {JobId} of {Owner} expired after {Minutes} min; its file was deleted")]
    private static partial void LogExpired(ILogger logger, string jobId, string owner, long minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A download file could not be deleted: {Reason}")]
    private static partial void LogNotDeleted(ILogger logger, string reason);
}
