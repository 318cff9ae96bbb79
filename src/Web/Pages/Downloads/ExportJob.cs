using UMeetingReports.Core.Export;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Jobs;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>A download's <see cref="JobState"/> as its page and its progress poll name it.</summary>
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
/// One download running in the background for its owner: its progress as the exporter reports it, what it wrote,
/// and where. Everything a page or the progress poll reads is taken under the job's lock, as one consistent state.
/// </summary>
internal sealed class ExportJob : Job, IProgress<ExportProgress>
{
    // The gathering stage is most of the work (upstream pages); writing the file is the last tenth of the bar.
    private const double GatheringShare = 90;

    private ExportProgress _progress;
    private double _percent;
    private ExportOutcome? _outcome;

    public ExportJob(string owner, ExportCriteria criteria, ExportRequest request, string fileName, string filePath, DateTimeOffset now)
        : base(owner, criteria, now)
    {
        (Criteria, Request, FileName, FilePath) = (criteria, request, fileName, filePath);

        // The months are known before anything is read, so that the bar has its scale from the start; the service's
        // pages only once a month the archive lacks is read (most downloads read none).
        var windows = criteria.Period.SplitIntoMonthWindows().Count;
        _progress = new ExportProgress(ExportStage.Gathering, new GatherProgress(0, windows, 0, 0, 0), 0, null);
    }

    public ExportCriteria Criteria { get; }

    public ExportRequest Request { get; }

    /// <summary>The name the file is downloaded under.</summary>
    public string FileName { get; }

    /// <summary>Where the file is written on the server.</summary>
    public string FilePath { get; }

    /// <summary>What the exporter wrote (the sheets), or why it could not; null until it has ended.</summary>
    public ExportOutcome? Outcome
    {
        get
        {
            lock (Gate)
            {
                return _outcome;
            }
        }
    }

    public UpstreamFailure? Failure => Outcome?.Failure;

    public void Report(ExportProgress value)
    {
        lock (Gate)
        {
            _progress = value;
            var fetched = value.Fetched;
            var percent = value.Stage switch
            {
                // The service's pages while it is read; months the archive holds count whole when they are in.
                ExportStage.Gathering => fetched.PagesTotal > 0
                    ? GatheringShare * fetched.PagesDone / fetched.PagesTotal
                    : GatheringShare * fetched.WindowsDone / Math.Max(fetched.WindowsTotal, 1),
                ExportStage.Writing => GatheringShare + ((100 - GatheringShare) * value.Rows / Math.Max(value.RowsTotal ?? 1, 1)),
                _ => 100,
            };

            // A window probed late can reveal more pages than it was counted for: the bar never moves back.
            _percent = Math.Clamp(Math.Max(_percent, percent), 0, 100);
        }
    }

    public ExportJobStatus Status()
    {
        lock (Gate)
        {
            var state = StateOf(State);
            var fetched = _progress.Fetched;
            return new ExportJobStatus(
                state.ToString().ToLowerInvariant(),
                _progress.Stage.ToString().ToLowerInvariant(),
                fetched.WindowsDone,
                fetched.WindowsTotal,
                fetched.PagesDone,
                fetched.PagesTotal,
                _progress.Rows,
                _progress.RowsTotal,
                (int)Math.Floor(state == ExportJobState.Done ? 100 : _percent));
        }
    }

    /// <summary>The exporter has written the file, whole or not; the registry ends the job next.</summary>
    public void Wrote(ExportOutcome outcome)
    {
        lock (Gate)
        {
            _outcome = outcome;
        }
    }

    /// <summary>Ends the job in the download's own words, with what the exporter wrote.</summary>
    public void Ended(ExportJobState state, DateTimeOffset now, ExportOutcome? outcome = null)
    {
        if (outcome is not null)
        {
            Wrote(outcome);
        }

        Ended(
            state switch
            {
                ExportJobState.Done => JobState.Succeeded,
                ExportJobState.Failed => JobState.Failed,
                ExportJobState.Cancelled => JobState.Cancelled,
                _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A download ends done, failed or cancelled."),
            },
            now);
    }

    private static ExportJobState StateOf(JobState state) => state switch
    {
        JobState.Waiting => ExportJobState.Waiting,
        JobState.Running => ExportJobState.Running,
        JobState.Succeeded => ExportJobState.Done,
        JobState.Failed => ExportJobState.Failed,
        _ => ExportJobState.Cancelled,
    };
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
