using System.Security.Cryptography;

namespace UMeetingReports.Web.Jobs;

internal enum JobState
{
    /// <summary>Queued behind the other jobs of its registry that run at once.</summary>
    Waiting,
    Running,

    /// <summary>The work gave a complete answer.</summary>
    Succeeded,

    /// <summary>The work gave no complete answer, or broke.</summary>
    Failed,
    Cancelled,
}

/// <summary>
/// One piece of work a user started and watches, as <see cref="JobRegistry{TJob}"/> keeps it: whose it is, which
/// work it is (its key), how far its life has got and when it was last looked at. A use derives its own job with
/// the progress and the result its pages show, and keeps them under <see cref="Gate"/>, the lock of this state too,
/// so that a status is one consistent reading.
/// </summary>
internal abstract class Job : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private JobState _state = JobState.Waiting;
    private DateTimeOffset? _endedAt;
    private DateTimeOffset _watchedAt;
    private bool _disposed;

    /// <param name="key">Compared by value: a second start of the same work by the same owner joins this job.</param>
    protected Job(string owner, object key, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(key);
        (Owner, Key, _watchedAt) = (owner, key, now);
        Stopping = _stop.Token;
    }

    /// <summary>The length of <see cref="Id"/>: 16 random bytes in lower-case hex.</summary>
    public const int IdLength = 32;

    /// <summary>Random and unguessable: it is what addresses and polls name, and the owner is checked as well.</summary>
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));

    /// <summary>Whether <paramref name="text"/> has the shape of an <see cref="Id"/>: an address that does not was never a job's.</summary>
    public static bool IsIdShaped(string? text) => text is { Length: IdLength } && text.All(character => char.IsAsciiDigit(character) || character is >= 'a' and <= 'f');

    public string Owner { get; }

    public object Key { get; }

    public CancellationToken Stopping { get; }

    /// <summary>The run, set by the registry as it starts it; it completes once the job has ended.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    public JobState State
    {
        get
        {
            lock (Gate)
            {
                return _state;
            }
        }
    }

    public bool HasEnded => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    public DateTimeOffset? EndedAt
    {
        get
        {
            lock (Gate)
            {
                return _endedAt;
            }
        }
    }

    /// <summary>When the owner last asked for the job (a page or a progress poll); a registry may cancel one nobody watches.</summary>
    internal DateTimeOffset WatchedAt
    {
        get
        {
            lock (Gate)
            {
                return _watchedAt;
            }
        }
    }

    /// <summary>The lock of the job's state, the derived job's included.</summary>
    protected Lock Gate { get; } = new();

    public void Started()
    {
        lock (Gate)
        {
            if (_state == JobState.Waiting)
            {
                _state = JobState.Running;
            }
        }
    }

    public void Ended(JobState state, DateTimeOffset now)
    {
        if (state is JobState.Waiting or JobState.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A job ends succeeded, failed or cancelled.");
        }

        lock (Gate)
        {
            (_state, _endedAt) = (state, now);
        }
    }

    /// <summary>Stops a job that is waiting or running; nothing once it has ended.</summary>
    public void Cancel()
    {
        lock (Gate)
        {
            if (_endedAt is null && !_disposed)
            {
                // The callbacks (in-flight HTTP calls) run on the thread pool, not under this lock.
                _ = _stop.CancelAsync();
            }
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    internal void Watched(DateTimeOffset now)
    {
        lock (Gate)
        {
            _watchedAt = now;
        }
    }

    /// <summary>Called by the run itself once it has ended, so that no cancellation can reach a disposed source.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (Gate)
            {
                _disposed = true;
                _stop.Dispose();
            }
        }
    }
}
