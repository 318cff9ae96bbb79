using System.Security.Cryptography;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Gathering;

/// <summary>
/// One gathering running in the background: its latest progress (reported by the reader as pages arrive), when it
/// was last looked at, and how it ended. <see cref="Completion"/> is a <c>Task&lt;UpstreamResult&lt;T&gt;&gt;</c>.
/// </summary>
internal sealed class GatherJob : IProgress<GatherProgress>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private GatherProgress _progress;
    private DateTimeOffset? _finishedAt;
    private bool _failed;
    private bool _disposed;

    public GatherJob(GatherKey key, DatePeriod period, DateTimeOffset now)
    {
        Key = key;
        LastLookedAt = now;
        Stopping = _stop.Token;

        // Known before the first page arrives, so the bar has its scale from the start.
        _progress = new GatherProgress(0, period.SplitIntoMonthWindows().Count, 0, 0, 0);
    }

    /// <summary>Random and unguessable: it is what the progress poll names, and the owner is checked as well.</summary>
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public GatherKey Key { get; }

    public CancellationToken Stopping { get; }

    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Read and written under <see cref="PeriodGatherer"/>'s lock.</summary>
    public DateTimeOffset LastLookedAt { get; set; }

    public GatherProgress Progress
    {
        get
        {
            lock (_gate)
            {
                return _progress;
            }
        }
    }

    public DateTimeOffset? FinishedAt
    {
        get
        {
            lock (_gate)
            {
                return _finishedAt;
            }
        }
    }

    public Task<UpstreamResult<T>> ResultAs<T>() =>
        Completion as Task<UpstreamResult<T>>
        ?? throw new InvalidOperationException($"The gathering {Key.Report} does not produce {typeof(T).Name}: one report name is used for two kinds of result.");

    public void Report(GatherProgress value)
    {
        lock (_gate)
        {
            _progress = value;
        }
    }

    public GatherStatus Status()
    {
        lock (_gate)
        {
            var progress = _progress;
            return new GatherStatus(progress.WindowsDone, progress.WindowsTotal, progress.PagesDone, progress.PagesTotal, progress.Meetings, _finishedAt is not null, _failed);
        }
    }

    /// <param name="failed">It ended without a complete answer: an upstream failure, an error, or cancellation.</param>
    public void Finish(DateTimeOffset now, bool failed)
    {
        lock (_gate)
        {
            _finishedAt = now;
            _failed = failed;
        }
    }

    /// <summary>Stops a gathering that is still running; nothing once it has finished.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (_finishedAt is null && !_disposed)
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
