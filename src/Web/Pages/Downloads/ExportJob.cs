using System.Security.Cryptography;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

internal enum ExportJobState
{
    /// <summary>Queued behind Exports:MaxConcurrentJobs other jobs.</summary>
    Waiting,
    Running,

    /// <summary>The file is complete and waits for its owner.</summary>
    Done,

    /// <summary>The upstream gave no complete answer (see <see cref="ExportJob.Failure"/>), or the export broke.</summary>
    Failed,
    Cancelled,
}

/// <summary>
/// One download running in the background for its owner: its progress as the exporter reports it, how it ended, and
/// the file it wrote. Everything a page or the progress poll reads is taken under one lock, as one consistent state.
/// </summary>
internal sealed class ExportJob : IProgress<ExportProgress>, IDisposable
{
    // The gathering stage is most of the work (upstream pages); writing the file is the last tenth of the bar.
    private const double GatheringShare = 90;

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private ExportJobState _state = ExportJobState.Waiting;
    private ExportProgress _progress;
    private double _percent;
    private UpstreamFailure? _failure;
    private ExportOutcome? _outcome;
    private DateTimeOffset? _endedAt;
    private bool _disposed;

    public ExportJob(string owner, ExportCriteria criteria, ExportRequest request, string fileName, string filePath, DateTimeOffset now)
    {
        (Owner, Criteria, Request, FileName, FilePath, CreatedAt) = (owner, criteria, request, fileName, filePath, now);
        Stopping = _stop.Token;

        // Known before the first page arrives, so that the bar has its scale from the start.
        var windows = criteria.Period.SplitIntoMonthWindows().Count;
        _progress = new ExportProgress(ExportStage.Gathering, new GatherProgress(0, windows, 0, windows, 0), 0, null);
    }

    /// <summary>Random and unguessable; the owner is checked as well wherever it is used.</summary>
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Owner { get; }

    public ExportCriteria Criteria { get; }

    public ExportRequest Request { get; }

    /// <summary>The name the file is downloaded under.</summary>
    public string FileName { get; }

    /// <summary>Where the file is written on the server.</summary>
    public string FilePath { get; }

    public DateTimeOffset CreatedAt { get; }

    public CancellationToken Stopping { get; }

    public Task Completion { get; set; } = Task.CompletedTask;

    public UpstreamFailure? Failure
    {
        get
        {
            lock (_gate)
            {
                return _failure;
            }
        }
    }

    public ExportOutcome? Outcome
    {
        get
        {
            lock (_gate)
            {
                return _outcome;
            }
        }
    }

    public DateTimeOffset? EndedAt
    {
        get
        {
            lock (_gate)
            {
                return _endedAt;
            }
        }
    }

    public ExportJobState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public bool IsUnfinished => State is ExportJobState.Waiting or ExportJobState.Running;

    public void Report(ExportProgress value)
    {
        lock (_gate)
        {
            _progress = value;
            var fetched = value.Fetched;
            var percent = value.Stage switch
            {
                ExportStage.Gathering => GatheringShare * fetched.PagesDone / Math.Max(fetched.PagesTotal, 1),
                ExportStage.Writing => GatheringShare + ((100 - GatheringShare) * value.Rows / Math.Max(value.RowsTotal ?? 1, 1)),
                _ => 100,
            };

            // A window probed late can reveal more pages than it was counted for: the bar never moves back.
            _percent = Math.Clamp(Math.Max(_percent, percent), 0, 100);
        }
    }

    public ExportJobStatus Status()
    {
        lock (_gate)
        {
            var fetched = _progress.Fetched;
            return new ExportJobStatus(
                _state.ToString().ToLowerInvariant(),
                _progress.Stage.ToString().ToLowerInvariant(),
                fetched.WindowsDone,
                fetched.WindowsTotal,
                fetched.PagesDone,
                fetched.PagesTotal,
                _progress.Rows,
                _progress.RowsTotal,
                (int)Math.Floor(_state == ExportJobState.Done ? 100 : _percent));
        }
    }

    public void Started()
    {
        lock (_gate)
        {
            if (_state == ExportJobState.Waiting)
            {
                _state = ExportJobState.Running;
            }
        }
    }

    public void Ended(ExportJobState state, DateTimeOffset now, ExportOutcome? outcome = null, UpstreamFailure? failure = null)
    {
        lock (_gate)
        {
            (_state, _endedAt, _outcome, _failure) = (state, now, outcome, failure);
        }
    }

    /// <summary>Stops a job that is waiting or running; nothing once it has ended.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (_endedAt is null && !_disposed)
            {
                // The callbacks (in-flight HTTP calls) run on the thread pool, not under this lock.
                _ = _stop.CancelAsync();
            }
        }
    }

    /// <summary>Called by the run itself once it has ended, so that no cancellation can reach a disposed source.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _stop.Dispose();
        }
    }
}

/// <summary>
/// The progress poll's answer, and what the job page shows. <see cref="State"/> is waiting, running, done, failed or
/// cancelled; <see cref="Stage"/> gathering, writing or done. <see cref="Percent"/> only ever grows.
/// </summary>
internal sealed record ExportJobStatus(
    string State,
    string Stage,
    int WindowsDone,
    int WindowsTotal,
    int PagesDone,
    int PagesTotal,
    long Rows,
    long? RowsTotal,
    int Percent)
{
    public bool Ended => State is "done" or "failed" or "cancelled";
}
