using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Gathering;

/// <summary>
/// Runs the Core call behind an analytics page in the background, so that a long period read for the first time
/// shows its progress instead of a page that seems frozen. A page asks for its figures; if they are ready within
/// Gathering:RenderWait it renders them, otherwise it renders a progress bar that polls <see cref="Status"/> and
/// reloads when the gathering is done, and the reload finds the figures here. Finished figures are kept for
/// Gathering:KeepResultsFor; a failure is handed out once, so the next visit tries again. At most
/// Gathering:MaxConcurrent gatherings read at once; one that nobody has looked at for Gathering:AbandonAfter is
/// cancelled.
/// </summary>
internal sealed partial class PeriodGatherer : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<GatherKey, GatherJob> _byKey = [];
    private readonly Dictionary<string, GatherJob> _byId = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private readonly ITimer _sweeper;
    private readonly IServiceScopeFactory _scopes;
    private readonly GatheringOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PeriodGatherer> _logger;

    public PeriodGatherer(IServiceScopeFactory scopes, IOptions<GatheringOptions> options, TimeProvider clock, ILogger<PeriodGatherer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_scopes, _options, _clock, _logger) = (scopes, options.Value, clock, logger);
        _slots = new SemaphoreSlim(_options.MaxConcurrent, _options.MaxConcurrent);
        var sweepEvery = (_options.AbandonAfter < _options.KeepResultsFor ? _options.AbandonAfter : _options.KeepResultsFor) / 2;
        _sweeper = clock.CreateTimer(static state => ((PeriodGatherer)state!).Sweep(), this, sweepEvery, sweepEvery);
    }

    /// <summary>
    /// The figures of <paramref name="key"/>: from a gathering already running or finished for it, or from a new one
    /// that runs <paramref name="work"/> in a scope of its own (it outlives the request). Waits at most
    /// Gathering:RenderWait; <paramref name="cancellationToken"/> ends the wait, never the gathering.
    /// </summary>
    /// <param name="period">The period being read, for the scale of the progress bar before the first page arrives.</param>
    public async Task<Gathered<T>> GatherAsync<T>(
        GatherKey key,
        DatePeriod period,
        Func<IServiceProvider, IProgress<GatherProgress>, CancellationToken, Task<UpstreamResult<T>>> work,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(work);
        var job = JobFor(key, period, work);
        var result = job.ResultAs<T>();
        await WaitAsync(result, cancellationToken).ConfigureAwait(false);
        if (!result.IsCompleted)
        {
            return new Gathered<T>(null, null, new GatherTicket(job.Id, job.Progress));
        }

        if (!result.IsCompletedSuccessfully || !result.Result.Succeeded)
        {
            Forget(job);
        }

        // Rethrows an unexpected error of the gathering: the error page, not an incomplete report.
        var gathered = await result.ConfigureAwait(false);
        return gathered.Succeeded
            ? new Gathered<T>(gathered.Value, null, null)
            : new Gathered<T>(null, gathered.Failure, null);
    }

    /// <summary>How far the gathering <paramref name="id"/> of <paramref name="owner"/> has got; null when there is no such gathering of theirs.</summary>
    public GatherStatus? Status(string owner, string? id)
    {
        lock (_gate)
        {
            if (id is null || !_byId.TryGetValue(id, out var job) || !string.Equals(job.Key.Owner, owner, StringComparison.Ordinal))
            {
                return null;
            }

            job.LastLookedAt = _clock.GetUtcNow();
            return job.Status();
        }
    }

    /// <summary>Cancels gatherings nobody looks at any more and drops finished figures nobody came back for.</summary>
    internal void Sweep()
    {
        var now = _clock.GetUtcNow();
        List<GatherJob> abandoned = [];
        lock (_gate)
        {
            foreach (var job in _byId.Values.ToList())
            {
                if (job.FinishedAt is { } finishedAt)
                {
                    if (now - finishedAt >= _options.KeepResultsFor)
                    {
                        Remove(job);
                    }
                }
                else if (now - job.LastLookedAt >= _options.AbandonAfter)
                {
                    Remove(job);
                    abandoned.Add(job);
                }
            }
        }

        foreach (var job in abandoned)
        {
            LogAbandoned(_logger, job.Key.Report, job.Key.Owner, (long)_options.AbandonAfter.TotalSeconds);
            job.Cancel();
        }
    }

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

    private GatherJob JobFor<T>(GatherKey key, DatePeriod period, Func<IServiceProvider, IProgress<GatherProgress>, CancellationToken, Task<UpstreamResult<T>>> work)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_byKey.TryGetValue(key, out var existing))
            {
                existing.LastLookedAt = now;
                return existing;
            }

            var job = new GatherJob(key, period, now);

            // The gathering outlives the request: it must not carry the request's context (user, culture, trace) along.
            using (ExecutionContext.SuppressFlow())
            {
                job.Completion = Task.Run(() => RunAsync(job, work));
            }

            _byKey.Add(key, job);
            _byId.Add(job.Id, job);
            LogStarted(_logger, key.Report, key.Owner, period);
            return job;
        }
    }

    private async Task<UpstreamResult<T>> RunAsync<T>(GatherJob job, Func<IServiceProvider, IProgress<GatherProgress>, CancellationToken, Task<UpstreamResult<T>>> work)
    {
        var failed = true;
        try
        {
            await _slots.WaitAsync(job.Stopping).ConfigureAwait(false);
            try
            {
                var scope = _scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var result = await work(scope.ServiceProvider, job, job.Stopping).ConfigureAwait(false);
                    failed = !result.Succeeded;
                    return result;
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            job.Finish(_clock.GetUtcNow(), failed);
            job.Dispose();
        }
    }

    private async Task WaitAsync(Task gathering, CancellationToken cancellationToken)
    {
        if (gathering.IsCompleted || _options.RenderWait <= TimeSpan.Zero)
        {
            return;
        }

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waited = Task.Delay(_options.RenderWait, _clock, stopWaiting.Token);
        await Task.WhenAny(gathering, waited).ConfigureAwait(false);
        await stopWaiting.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Forget(GatherJob job)
    {
        lock (_gate)
        {
            Remove(job);
        }
    }

    /// <summary>Only under the lock; a newer gathering of the same key is left alone.</summary>
    private void Remove(GatherJob job)
    {
        _byId.Remove(job.Id);
        if (_byKey.TryGetValue(job.Key, out var current) && ReferenceEquals(current, job))
        {
            _byKey.Remove(job.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gathering {Report} of {Period} for {Owner} in the background")]
    private static partial void LogStarted(ILogger logger, string report, string owner, DatePeriod period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled gathering {Report} for {Owner}: nobody looked at it for {Seconds} s")]
    private static partial void LogAbandoned(ILogger logger, string report, string owner, long seconds);
}
