using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Jobs;

namespace UMeetingReports.Web.Gathering;

/// <summary>
/// One gathering running in the background: its latest progress (reported by the reader as pages arrive).
/// <see cref="Job.Completion"/> is a <c>Task&lt;UpstreamResult&lt;T&gt;&gt;</c>.
/// </summary>
internal sealed class GatherJob : Job, IProgress<GatherProgress>
{
    private GatherProgress _progress;

    public GatherJob(GatherKey key, DatePeriod period, DateTimeOffset now)
        : base(key.Owner, key, now)
    {
        // Known before the first page arrives, so the bar has its scale from the start.
        _progress = new GatherProgress(0, period.SplitIntoMonthWindows().Count, 0, 0, 0);
    }

    public GatherProgress Progress
    {
        get
        {
            lock (Gate)
            {
                return _progress;
            }
        }
    }

    public Task<UpstreamResult<T>> ResultAs<T>() =>
        Completion as Task<UpstreamResult<T>>
        ?? throw new InvalidOperationException($"The gathering {((GatherKey)Key).Report} does not produce {typeof(T).Name}: one report name is used for two kinds of result.");

    public void Report(GatherProgress value)
    {
        lock (Gate)
        {
            _progress = value;
        }
    }

    /// <summary>Failed: it ended without a complete answer (an upstream failure, an error, or cancellation).</summary>
    public GatherStatus Status()
    {
        lock (Gate)
        {
            var progress = _progress;
            return new GatherStatus(progress.WindowsDone, progress.WindowsTotal, progress.PagesDone, progress.PagesTotal, progress.Meetings, HasEnded, State is JobState.Failed or JobState.Cancelled);
        }
    }
}
