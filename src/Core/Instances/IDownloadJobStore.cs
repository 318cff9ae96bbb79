using UMeetingReports.Core.Archive;

namespace UMeetingReports.Core.Instances;

/// <summary>
/// The background downloads' state in the archive's database, so that every instance shows a job's progress, cancels
/// it and serves its file (the file is in a folder the instances share). The instance that runs a job writes its
/// progress and a heartbeat; a job whose heartbeat stopped is failed by whichever instance looks at it next.
/// </summary>
public interface IDownloadJobStore
{
    Task AddAsync(DownloadJobRecord job, CancellationToken cancellationToken);

    Task<DownloadJobRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The owner's job for the same download that is waiting or running, if any.</summary>
    Task<DownloadJobRecord?> FindUnfinishedAsync(string owner, string workKey, CancellationToken cancellationToken);

    Task<int> CountUnfinishedAsync(string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the progress of a waiting or running job and its heartbeat; returns whether the owner asked to cancel it,
    /// or null when the job is no longer waiting or running here (ended, failed by another instance, or deleted).
    /// </summary>
    Task<bool?> ReportAsync(DownloadJobRecord progress, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends a waiting or running job (state, sheets, failure); an ended one is left as it is.</summary>
    Task EndAsync(DownloadJobRecord ended, DateTimeOffset now, CancellationToken cancellationToken);

    Task RequestCancelAsync(string id, CancellationToken cancellationToken);

    /// <summary>Fails the waiting or running jobs whose heartbeat is older than <paramref name="heartbeatBefore"/> (or of <paramref name="instance"/>, stopping), with <paramref name="sentence"/>.</summary>
    Task<int> FailAbandonedAsync(DateTimeOffset heartbeatBefore, string? instance, string sentence, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The jobs that ended before <paramref name="endedBefore"/>: their files and rows are to go.</summary>
    Task<IReadOnlyList<DownloadJobRecord>> EndedBeforeAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken);

    Task DeleteAsync(string id, CancellationToken cancellationToken);
}
