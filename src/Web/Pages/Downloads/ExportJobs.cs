using Microsoft.Extensions.Options;
using UMeetingReports.Core.Export;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Jobs;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// Downloads too long to stream at once, run in the background as jobs of a <see cref="JobRegistry{TJob}"/>: each
/// writes its file into a folder of this instance, and belongs to the user who started it — another user's id finds
/// nothing. At most Exports:MaxConcurrentJobs read the upstream at once, the rest wait their turn; a user may have
/// Exports:MaxJobsPerUser waiting or running. A file is deleted once downloaded; a job that ended is forgotten, and
/// its file deleted, Exports:JobLifetime later. At start, what instances that stopped without cleaning up left
/// behind is deleted.
/// </summary>
internal sealed partial class ExportJobs : IHostedService, IDisposable
{
    /// <summary>The folder, under the system's temporary one, where every instance keeps a folder of its own.</summary>
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "umeeting-downloads");

    private readonly JobRegistry<ExportJob> _jobs;
    private readonly ExportOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExportJobs> _logger;

    public ExportJobs(IServiceScopeFactory scopes, IOptions<ExportOptions> options, TimeProvider clock, ILogger<ExportJobs> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _clock, _logger) = (options.Value, clock, logger);
        var policy = new JobPolicy("Download", _options.MaxConcurrentJobs, _options.JobLifetime) { MaxPerOwner = _options.MaxJobsPerUser };
        _jobs = new JobRegistry<ExportJob>(policy, scopes, clock, logger, job => TryDelete(() => File.Delete(job.FilePath)));
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
        // The files hold names and, for an Admin, whole phone numbers: only this process's user may read them.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return _jobs.Start<IWorkbookExporter, ExportOutcome>(
            owner,
            criteria,
            () => new ExportJob(owner, criteria, request, fileName, Path.Combine(Folder, Path.GetRandomFileName()), _clock.GetUtcNow()),
            WriteAsync,
            outcome => outcome.Succeeded);
    }

    /// <summary>The job <paramref name="id"/> of <paramref name="owner"/>; null when they have none of that id.</summary>
    public ExportJob? Find(string owner, string? id) => _jobs.Find(owner, id);

    /// <summary>
    /// Stops the job <paramref name="id"/> of <paramref name="owner"/> and waits a little for it to end, so that the
    /// page shown next says "cancelled"; false when they have no job of that id.
    /// </summary>
    public Task<bool> CancelAsync(string owner, string? id, CancellationToken cancellationToken) => _jobs.CancelAsync(owner, id, cancellationToken);

    /// <summary>Opens the job's finished file for reading; null when the job is not done or its file is gone.</summary>
    public static FileStream? OpenFile(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State != JobState.Succeeded)
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

    /// <summary>The owner has the file: the job and the file are gone, and its address answers 404 from now on.</summary>
    public void Downloaded(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _jobs.Forget(job);
        LogDownloaded(_logger, job.Id, job.Owner);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        DeleteLeftovers();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
        _jobs.Dispose();
        if (Directory.Exists(Folder))
        {
            TryDelete(() => Directory.Delete(Folder, recursive: true));
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

    /// <summary>
    /// A job's file: 0600 as well as inside the 0700 folder, since the folder above may belong to another user (a
    /// shared temporary folder), who could swap this instance's folder for one of their own.
    /// </summary>
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Download job {JobId} was downloaded by {Owner}; its file was deleted")]
    private static partial void LogDownloaded(ILogger logger, string jobId, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A download file could not be deleted: {Reason}")]
    private static partial void LogNotDeleted(ILogger logger, string reason);
}
