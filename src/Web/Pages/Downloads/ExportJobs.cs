using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Instances;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Jobs;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// Downloads too long to stream at once, run in the background as jobs of a <see cref="JobRegistry{TJob}"/> on the
/// instance that started them, and known to every instance through the archive's database
/// (<see cref="IDownloadJobStore"/>): the running instance writes each job's progress and a heartbeat every second and
/// its end at once; any instance shows that progress, cancels the job (the running one sees the request at its next
/// write) and serves the file, which is written into Exports:Folder, a folder all instances share. A job belongs to
/// the user who started it — another user's id finds nothing. At most Exports:MaxConcurrentJobs read the upstream at
/// once per instance, the rest wait their turn; a user may have Exports:MaxJobsPerUser waiting or running across all
/// instances. A finished file can be downloaded by its owner any number of times (whole, in ranges, or asked its length)
/// until the job expires: a job that ended is deleted with its file Exports:JobLifetime later, by the sweep or by the
/// first look at it after that, whichever comes first.
/// A job whose instance stopped is failed with a sentence: at once when it stops in order, or by the first instance
/// that finds its heartbeat older than <see cref="StaleAfter"/>.
/// </summary>
internal sealed partial class ExportJobs : IHostedService, IDisposable
{
    public const string InstanceStopped = "The server that was making this download stopped before it finished, and nothing was kept. Start the download again from a report's Download Excel button.";

    /// <summary>A running job's heartbeat older than this means its instance died.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(5);

    private readonly JobRegistry<ExportJob> _jobs;
    private readonly ConcurrentDictionary<string, Task> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExportJob> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _ended = new(StringComparer.Ordinal);
    private readonly ExportOptions _options;
    private readonly IDownloadJobStore _store;
    private readonly InstanceIdentity _instance;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExportJobs> _logger;
    private readonly ITimer _reporter;
    private readonly CancellationToken _appStopping;
    private int _reporting;
    private string? _lastTrouble;

    public ExportJobs(
        IServiceScopeFactory scopes,
        IOptions<ExportOptions> options,
        IDownloadJobStore store,
        InstanceIdentity instance,
        IHostEnvironment environment,
        IHostApplicationLifetime lifetime,
        TimeProvider clock,
        ILogger<ExportJobs> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(lifetime);
        _appStopping = lifetime.ApplicationStopping;
        (_options, _store, _instance, _clock, _logger) = (options.Value, store, instance, clock, logger);
        var policy = new JobPolicy("Download", _options.MaxConcurrentJobs, _options.JobLifetime) { MaxPerOwner = _options.MaxJobsPerUser };
        _jobs = new JobRegistry<ExportJob>(policy, scopes, clock, logger, Forgotten);
        Folder = Path.GetFullPath(_options.Folder, environment.ContentRootPath);
        _reporter = TimeProvider.System.CreateTimer(_ => _ = ReportAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Exports:Folder as a full path: where every instance writes its jobs' files.</summary>
    public string Folder { get; }

    /// <summary>
    /// A new job for <paramref name="owner"/>, or theirs already waiting or running for the same download (on any
    /// instance); null when they have Exports:MaxJobsPerUser waiting or running already.
    /// </summary>
    public async Task<DownloadJobView?> StartAsync(string owner, ExportCriteria criteria, ExportRequest request, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (await _store.FindUnfinishedAsync(owner, DownloadJobView.WorkKey(criteria), cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return await FindAsync(owner, existing.Id, cancellationToken).ConfigureAwait(false);
        }

        var unfinished = await _store.CountUnfinishedAsync(owner, cancellationToken).ConfigureAwait(false);
        if (unfinished >= _options.MaxJobsPerUser)
        {
            JobLog.Refused(_logger, "Download", owner, unfinished);
            return null;
        }

        CreateFolder();
        var job = _jobs.Start<IWorkbookExporter, ExportOutcome>(
            owner,
            criteria,
            () => new ExportJob(owner, criteria, request, fileName, Path.Combine(Folder, Path.GetRandomFileName()), _clock.GetUtcNow()),
            WriteAsync,
            outcome => outcome.Succeeded);
        if (job is null)
        {
            return null;
        }

        // The row is written before anything reports on it; the job's end is written as soon as it has ended.
        var added = _rows.GetOrAdd(job.Id, _ =>
        {
            Core.Diagnostics.ReportsMetrics.DownloadJob("started");
            return AddAsync(job);
        });
        await added.ConfigureAwait(false);
        return DownloadJobView.Of(job, _options.JobLifetime);
    }

    /// <summary>
    /// The job <paramref name="id"/> of <paramref name="owner"/>, from whichever instance runs it; null when they have
    /// none of that id, or when it has expired (it is deleted with its file then, if the sweep has not done so yet).
    /// </summary>
    public async Task<DownloadJobView?> FindAsync(string owner, string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return null;
        }

        if (_jobs.Find(owner, id) is { } local)
        {
            var view = DownloadJobView.Of(local, _options.JobLifetime);
            if (view.KeptUntil <= _clock.GetUtcNow())
            {
                JobLog.Expired(_logger, "Download", local.Id, owner, (long)_options.JobLifetime.TotalSeconds);
                _jobs.Forget(local);
                return null;
            }

            return view;
        }

        var record = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null || !string.Equals(record.Owner, owner, StringComparison.Ordinal))
        {
            return null;
        }

        if (record.State is "waiting" or "running" && record.HeartbeatAtUtc < Stamp(_clock.GetUtcNow() - StaleAfter))
        {
            await _store.FailAbandonedAsync(_clock.GetUtcNow() - StaleAfter, null, InstanceStopped, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            record = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? record;
        }

        var found = DownloadJobView.Of(record, Folder, _options.JobLifetime);
        if (found.KeptUntil <= _clock.GetUtcNow() && !_running.ContainsKey(found.Id))
        {
            // Promised until then and no longer: whichever instance looks first deletes it, as the sweep would.
            TryDelete(() => File.Delete(found.FilePath));
            await _store.DeleteAsync(found.Id, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return found;
    }

    /// <summary>
    /// Stops the job <paramref name="id"/> of <paramref name="owner"/> and waits a little for it to end, so that the
    /// page shown next says "cancelled"; false when they have no job of that id.
    /// </summary>
    public async Task<bool> CancelAsync(string owner, string? id, CancellationToken cancellationToken)
    {
        if (id is not null && _jobs.Find(owner, id) is { } local)
        {
            await _jobs.CancelAsync(owner, id, cancellationToken).ConfigureAwait(false);
            await Written(local.Id).WaitAsync(CancelWait, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return true;
        }

        if (await FindAsync(owner, id, cancellationToken).ConfigureAwait(false) is not { } remote)
        {
            return false;
        }

        // Another instance runs it: it sees the request at its next write, within a second.
        await _store.RequestCancelAsync(remote.Id, cancellationToken).ConfigureAwait(false);
        var deadline = _clock.GetUtcNow() + CancelWait;
        using var waited = new CancellationTokenSource(CancelWait);
        while (!waited.IsCancellationRequested
            && await FindAsync(owner, remote.Id, cancellationToken).ConfigureAwait(false) is { Status.Ended: false })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Opens the job's finished file for reading; null when the job is not done or its file is gone.</summary>
    public static FileStream? OpenFile(DownloadJobView job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Status.State != "done")
        {
            return null;
        }

        try
        {
            // FileShare.Delete: the sweep may delete the file while a slow download still reads it.
            return new FileStream(job.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The file is being sent to its owner (<paramref name="range"/>: the bytes asked for, or null for the whole file).
    /// It stays for another download, by them only, until the job expires.
    /// </summary>
    public void Sending(string owner, DownloadJobView job, string? range)
    {
        ArgumentNullException.ThrowIfNull(job);
        LogSending(_logger, job.Id, owner, string.IsNullOrEmpty(range) ? "whole" : range, job.KeptUntil);
    }

    /// <summary>Reports from now on: the hosted services before this one have brought the database up to date.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _reporter.Change(ReportEvery, ReportEvery);
        return Task.CompletedTask;
    }

    /// <summary>Stopping in order: this instance's unfinished jobs are failed with a sentence, not left "running".</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _store.FailAbandonedAsync(DateTimeOffset.MinValue, _instance.Id, InstanceStopped, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            LogNotWritten(_logger, exception.Message);
        }
    }

    public void Dispose()
    {
        _reporter.Dispose();
        _jobs.Dispose();
    }

    /// <summary>Every second: this instance's jobs' progress and heartbeat, cancellations asked elsewhere, and the sweep of ended jobs.</summary>
    internal async Task ReportAsync()
    {
        if (Interlocked.Exchange(ref _reporting, 1) == 1)
        {
            return;
        }

        try
        {
            var now = _clock.GetUtcNow();
            foreach (var job in _running.Values.Where(job => !job.HasEnded))
            {
                await Written(job.Id, added: true).ConfigureAwait(false);
                if (await _store.ReportAsync(DownloadJobView.Record(job, _instance.Id, now), now, CancellationToken.None).ConfigureAwait(false) is not false)
                {
                    // Cancelled by its owner on another instance, or failed by one that thought this instance dead.
                    job.Cancel();
                }
            }

            await _store.FailAbandonedAsync(now - StaleAfter, null, InstanceStopped, now, CancellationToken.None).ConfigureAwait(false);
            foreach (var expired in await _store.EndedBeforeAsync(now - _options.JobLifetime, CancellationToken.None).ConfigureAwait(false))
            {
                if (!_running.ContainsKey(expired.Id))
                {
                    TryDelete(() => File.Delete(Path.Combine(Folder, expired.StoredFile)));
                    await _store.DeleteAsync(expired.Id, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // Once per reason, not every second while the database is away.
            if (!string.Equals(Interlocked.Exchange(ref _lastTrouble, exception.Message), exception.Message, StringComparison.Ordinal))
            {
                LogNotWritten(_logger, exception.Message);
            }
        }
        finally
        {
            Volatile.Write(ref _reporting, 0);
        }
    }

    private async Task AddAsync(ExportJob job)
    {
        await _store.AddAsync(DownloadJobView.Record(job, _instance.Id, _clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);

        // Reported on from now on: the row is there to be written.
        _running[job.Id] = job;

        // Written whatever the work's end (its exception belongs to the registry's log).
        _ = job.Completion.ContinueWith(_ => EndAsync(job), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
    }

    private async Task EndAsync(ExportJob job)
    {
        try
        {
            var ended = DownloadJobView.Record(job, _instance.Id, _clock.GetUtcNow());
            if (_appStopping.IsCancellationRequested && ended.State is "failed" or "cancelled" && ended.Failure is null)
            {
                // Broken off by this instance's stop (the archive's reads stop with the host, and the registry cancels
                // what is left), which may come before StopAsync writes the sentence: the job says so itself.
                (ended.State, ended.Failure) = ("failed", InstanceStopped);
            }

            await _store.EndAsync(ended, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or ObjectDisposedException)
        {
            LogNotWritten(_logger, exception.Message);
        }
        finally
        {
            _ended.TryAdd(job.Id, true);
            Core.Diagnostics.ReportsMetrics.DownloadJob(job.Status().State);
        }
    }

    /// <summary>Completes once the job's row is written (<paramref name="added"/>) or its end is.</summary>
    private async Task Written(string id, bool added = false)
    {
        if (_rows.TryGetValue(id, out var adding))
        {
            await adding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        while (!added && !_ended.ContainsKey(id))
        {
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>A job forgotten by the registry (downloaded, expired, abandoned): its file and its row go.</summary>
    private void Forgotten(ExportJob job)
    {
        _running.TryRemove(job.Id, out _);
        _rows.TryRemove(job.Id, out _);
        _ended.TryRemove(job.Id, out _);
        TryDelete(() => File.Delete(job.FilePath));
        _ = DeleteRowAsync(job.Id);
    }

    private async Task DeleteRowAsync(string id)
    {
        try
        {
            await _store.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or ObjectDisposedException)
        {
            LogNotWritten(_logger, exception.Message);
        }
    }

    /// <summary>The files hold names and, for an Admin, whole phone numbers: only this app's user may enter the folder.</summary>
    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
            return;
        }

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(Folder, ownerOnly);
        if (File.GetUnixFileMode(Folder) != ownerOnly)
        {
            File.SetUnixFileMode(Folder, ownerOnly);
        }
    }

    /// <summary>The job's work: the file, kept only when it is whole.</summary>
    private async Task<ExportOutcome> WriteAsync(IWorkbookExporter exporter, ExportJob job, CancellationToken cancellationToken)
    {
        var whole = false;
        try
        {
            var file = new FileStream(job.FilePath, OwnerOnly());
            ExportOutcome outcome;
            await using (file.ConfigureAwait(false))
            {
                outcome = job.Criteria.Table is { } table
                    ? await exporter.WriteCsvAsync(job.Request, table, file, job, cancellationToken).ConfigureAwait(false)
                    : await exporter.WriteXlsxAsync(job.Request, file, job, cancellationToken).ConfigureAwait(false);
            }

            job.Wrote(outcome);
            whole = outcome.Succeeded;
            return outcome;
        }
        finally
        {
            if (!whole)
            {
                TryDelete(() => File.Delete(job.FilePath));
            }
        }
    }

    /// <summary>A job's file: 0600 as well as inside the 0700 folder.</summary>
    private static FileStreamOptions OwnerOnly()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static DateTime Stamp(DateTimeOffset instant) => DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Download job {JobId} is downloaded by {Owner} ({Part}); its file is kept for another download until {KeptUntil:o}")]
    private static partial void LogSending(ILogger logger, string jobId, string owner, string part, DateTimeOffset? keptUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A download file could not be deleted: {Reason}")]
    private static partial void LogNotDeleted(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A download job's state could not be written to the archive's database: {Reason}")]
    private static partial void LogNotWritten(ILogger logger, string reason);
}
