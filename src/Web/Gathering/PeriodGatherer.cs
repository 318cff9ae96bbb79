using System.Security.Claims;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Jobs;

namespace UMeetingReports.Web.Gathering;

/// <summary>
/// Reads the months of a period that the archive does not hold yet in the background, so that a page over a long
/// period read for the first time shows its progress instead of seeming frozen. A page asks for its months
/// (<see cref="MonthsAsync"/>): held already, they are there at once; otherwise a read starts (or is joined: one per
/// user and period, and the synchroniser shares a month's read between all who need it). If it ends within
/// Gathering:RenderWait the page renders its report; otherwise it renders a progress bar that polls
/// <see cref="Status"/> and reloads when the months are in. A finished read is kept for Gathering:KeepResultsFor;
/// a failure is handed out once, so the next visit tries again. At most Gathering:MaxConcurrent reads run at once;
/// one that nobody has looked at for Gathering:AbandonAfter is cancelled. The reads are jobs of a
/// <see cref="JobRegistry{TJob}"/> of their own.
/// </summary>
internal sealed class PeriodGatherer : IDisposable
{
    private readonly JobRegistry<GatherJob> _jobs;
    private readonly GatheringOptions _options;
    private readonly TimeProvider _clock;

    public PeriodGatherer(IServiceScopeFactory scopes, IOptions<GatheringOptions> options, TimeProvider clock, ILogger<PeriodGatherer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _clock) = (options.Value, clock);
        var policy = new JobPolicy("Gathering", _options.MaxConcurrent, _options.KeepResultsFor)
        {
            AbandonAfter = _options.AbandonAfter,
            JoinEnded = true,
        };
        _jobs = new JobRegistry<GatherJob>(policy, scopes, clock, logger);
    }

    /// <summary>
    /// The period's months in the archive: at once when it holds them all, else from the read of them that is running
    /// or has just ended for this user, or from a new one (in a scope of its own: it outlives the request). Waits at
    /// most Gathering:RenderWait; <paramref name="cancellationToken"/> ends the wait, never the read.
    /// </summary>
    public async Task<Gathered<ArchivedPeriod>> MonthsAsync(ClaimsPrincipal user, IArchivePeriods archive, DatePeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (await archive.HeldAsync(period, cancellationToken).ConfigureAwait(false) is { } held)
        {
            return new Gathered<ArchivedPeriod>(held, null, null);
        }

        // The months are the whole account's, whatever the room, search or report: one read serves every page of them.
        return await GatherAsync<IArchivePeriods, ArchivedPeriod>(
            GatherKey.For(user, "archive-months", period),
            period,
            (periods, progress, token) => periods.EnsureAsync(period, progress, token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The figures of <paramref name="key"/>: from a gathering already running or finished for it, or from a new one
    /// that runs <paramref name="work"/> with a <typeparamref name="TService"/> of a scope of its own (it outlives the
    /// request). Waits at most Gathering:RenderWait; <paramref name="cancellationToken"/> ends the wait, never the
    /// gathering.
    /// </summary>
    /// <param name="period">The period being read, for the scale of the progress bar before the first page arrives.</param>
    public async Task<Gathered<T>> GatherAsync<TService, T>(
        GatherKey key,
        DatePeriod period,
        Func<TService, IProgress<GatherProgress>, CancellationToken, Task<UpstreamResult<T>>> work,
        CancellationToken cancellationToken)
        where TService : notnull
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(work);

        // No limit per owner: a gathering is never refused.
        var job = _jobs.Start<TService, UpstreamResult<T>>(
            key.Owner,
            key,
            () => new GatherJob(key, period, _clock.GetUtcNow()),
            work,
            result => result.Succeeded)!;
        var result = job.ResultAs<T>();
        await WaitAsync(result, cancellationToken).ConfigureAwait(false);
        if (!result.IsCompleted)
        {
            return new Gathered<T>(null, null, new GatherTicket(job.Id, period, job.Progress));
        }

        if (!result.IsCompletedSuccessfully || !result.Result.Succeeded)
        {
            _jobs.Forget(job);
        }

        // Rethrows an unexpected error of the gathering: the error page, not an incomplete report.
        var gathered = await result.ConfigureAwait(false);
        return gathered.Succeeded
            ? new Gathered<T>(gathered.Value, null, null)
            : new Gathered<T>(null, gathered.Failure, null);
    }

    /// <summary>The same, for work that takes what it needs from the scope's services itself.</summary>
    public Task<Gathered<T>> GatherAsync<T>(
        GatherKey key,
        DatePeriod period,
        Func<IServiceProvider, IProgress<GatherProgress>, CancellationToken, Task<UpstreamResult<T>>> work,
        CancellationToken cancellationToken)
        where T : class =>
        GatherAsync<IServiceProvider, T>(key, period, work, cancellationToken);

    /// <summary>How far the gathering <paramref name="id"/> of <paramref name="owner"/> has got; null when there is no such gathering of theirs.</summary>
    public GatherStatus? Status(string owner, string? id) => _jobs.Find(owner, id)?.Status();

    /// <summary>Cancels gatherings nobody looks at any more and drops finished figures nobody came back for.</summary>
    internal void Sweep() => _jobs.Sweep();

    public void Dispose() => _jobs.Dispose();

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
}
