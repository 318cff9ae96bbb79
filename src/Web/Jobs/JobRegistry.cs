namespace UMeetingReports.Web.Jobs;

/// <summary>
/// Work a user started and watches, run in the background: each job belongs to the user who started it (another
/// user's id finds nothing); a second start of the same work (same owner and key) while it is unfinished joins it;
/// at most <see cref="JobPolicy.MaxRunning"/> run at once, the rest wait their turn; a user may have
/// <see cref="JobPolicy.MaxPerOwner"/> unfinished. A job runs its work with a service of its own DI scope and outlives
/// the request that started it. A sweep forgets ended jobs <see cref="JobPolicy.KeepEndedFor"/> later and cancels
/// those nobody looked at for <see cref="JobPolicy.AbandonAfter"/>; shutting down cancels every job.
/// </summary>
internal sealed class JobRegistry<TJob> : IDisposable
    where TJob : Job
{
    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TJob> _byId = new(StringComparer.Ordinal);

    // The latest job of each work; an older one of the same key stays findable by its id until it is forgotten.
    private readonly Dictionary<(string Owner, object Key), TJob> _byKey = [];
    private readonly SemaphoreSlim _slots;
    private readonly ITimer _sweeper;
    private readonly JobPolicy _policy;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Action<TJob>? _forgotten;

    /// <param name="forgotten">Called once a job is forgotten (expired, abandoned or let go), to clean up after it.</param>
    public JobRegistry(JobPolicy policy, IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, Action<TJob>? forgotten = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        (_policy, _scopes, _clock, _logger, _forgotten) = (policy, scopes, clock, logger, forgotten);
        _slots = new SemaphoreSlim(policy.MaxRunning, policy.MaxRunning);
        _sweeper = clock.CreateTimer(static state => ((JobRegistry<TJob>)state!).Sweep(), this, policy.SweepInterval, policy.SweepInterval);
    }

    /// <summary>
    /// The job of <paramref name="owner"/> for <paramref name="key"/> that is unfinished (or, with
    /// <see cref="JobPolicy.JoinEnded"/>, not forgotten yet), or a new one made by <paramref name="create"/> that runs
    /// <paramref name="work"/> with a <typeparamref name="TService"/> of its own scope and the job as its progress.
    /// Null when the owner has <see cref="JobPolicy.MaxPerOwner"/> unfinished jobs already.
    /// </summary>
    /// <param name="succeeded">Whether the work's result is a complete answer (else the job ends failed).</param>
    public TJob? Start<TService, TResult>(
        string owner,
        object key,
        Func<TJob> create,
        Func<TService, TJob, CancellationToken, Task<TResult>> work,
        Func<TResult, bool> succeeded)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(succeeded);
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_byKey.TryGetValue((owner, key), out var existing) && (_policy.JoinEnded || !existing.HasEnded))
            {
                existing.Watched(now);
                return existing;
            }

            var unfinished = _byId.Values.Count(job => job.Owner == owner && !job.HasEnded);
            if (unfinished >= _policy.MaxPerOwner)
            {
                JobLog.Refused(_logger, _policy.Kind, owner, unfinished);
                return null;
            }

            var made = create();
            if (made.Owner != owner || !Equals(made.Key, key))
            {
                made.Dispose();
                throw new InvalidOperationException($"A {_policy.Kind} job was made for another owner or key than it was started for.");
            }

            // The job outlives the request: it must not carry the request's context (user, culture, trace) along.
            using (ExecutionContext.SuppressFlow())
            {
                made.Completion = Task.Run(() => RunAsync(made, work, succeeded));
            }

            _byKey[(owner, key)] = made;
            _byId.Add(made.Id, made);
            JobLog.Started(_logger, _policy.Kind, made.Id, owner);
            return made;
        }
    }

    /// <summary>The job <paramref name="id"/> of <paramref name="owner"/>, now watched; null when they have none of that id.</summary>
    public TJob? Find(string owner, string? id)
    {
        lock (_gate)
        {
            if (id is null || !_byId.TryGetValue(id, out var job) || !string.Equals(job.Owner, owner, StringComparison.Ordinal))
            {
                return null;
            }

            job.Watched(_clock.GetUtcNow());
            return job;
        }
    }

    /// <summary>
    /// Stops the job <paramref name="id"/> of <paramref name="owner"/> and waits a little for it to end, so that the
    /// page shown next says how it ended (the cancellation reaches the work at once); false when they have no job of
    /// that id.
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

    /// <summary>Forgets <paramref name="job"/> now (its owner has what it made, or it is not to be handed out again), cancelling it if it still runs.</summary>
    public void Forget(TJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            Remove(job);
        }

        job.Cancel();
        _forgotten?.Invoke(job);
    }

    /// <summary>Forgets the jobs that ended their lifetime ago, and cancels and forgets those nobody watches any more.</summary>
    public void Sweep()
    {
        var now = _clock.GetUtcNow();
        List<TJob> expired = [];
        List<TJob> abandoned = [];
        lock (_gate)
        {
            foreach (var job in _byId.Values)
            {
                if (job.EndedAt is { } endedAt)
                {
                    if (now - endedAt >= _policy.KeepEndedFor)
                    {
                        expired.Add(job);
                    }
                }
                else if (now - job.WatchedAt >= _policy.AbandonAfter)
                {
                    abandoned.Add(job);
                }
            }

            expired.ForEach(Remove);
            abandoned.ForEach(Remove);
        }

        foreach (var job in expired)
        {
            JobLog.Expired(_logger, _policy.Kind, job.Id, job.Owner, (long)_policy.KeepEndedFor.TotalSeconds);
            _forgotten?.Invoke(job);
        }

        foreach (var job in abandoned)
        {
            JobLog.Abandoned(_logger, _policy.Kind, job.Id, job.Owner, (long)_policy.AbandonAfter!.Value.TotalSeconds);
            job.Cancel();
            _forgotten?.Invoke(job);
        }
    }

    /// <summary>Shutting down: no more sweeps, and every job still waiting or running is cancelled.</summary>
    public void Dispose()
    {
        _sweeper.Dispose();
        lock (_gate)
        {
            foreach (var job in _byId.Values)
            {
                job.Cancel();
            }

            _byId.Clear();
            _byKey.Clear();
        }
    }

    private async Task<TResult> RunAsync<TService, TResult>(TJob job, Func<TService, TJob, CancellationToken, Task<TResult>> work, Func<TResult, bool> succeeded)
        where TService : notnull
    {
        var state = JobState.Failed;
        try
        {
            await _slots.WaitAsync(job.Stopping).ConfigureAwait(false);
            try
            {
                job.Started();
                var scope = _scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var result = await work(scope.ServiceProvider.GetRequiredService<TService>(), job, job.Stopping).ConfigureAwait(false);
                    state = succeeded(result) ? JobState.Succeeded : JobState.Failed;
                    return result;
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (job.Stopping.IsCancellationRequested)
        {
            state = JobState.Cancelled;
            JobLog.Cancelled(_logger, _policy.Kind, job.Id, job.Owner);
            throw;
        }
        catch (Exception exception)
        {
            // Whoever awaits the job (a page) sees the error too; a job nobody awaits has it logged only here.
            JobLog.Broke(_logger, exception, _policy.Kind, job.Id, job.Owner);
            throw;
        }
        finally
        {
            job.Ended(state, _clock.GetUtcNow());
            job.Dispose();
        }
    }

    /// <summary>Only under the lock; a newer job of the same key is left alone.</summary>
    private void Remove(TJob job)
    {
        _byId.Remove(job.Id);
        if (_byKey.TryGetValue((job.Owner, job.Key), out var current) && ReferenceEquals(current, job))
        {
            _byKey.Remove((job.Owner, job.Key));
        }
    }
}
