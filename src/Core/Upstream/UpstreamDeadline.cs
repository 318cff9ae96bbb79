namespace UMeetingReports.Core.Upstream;

/// <summary>
/// The time one scope (a web request) may wait on the meeting service in all, shared by every upstream call made in
/// it: the resilience pipeline's UMeeting:TotalTimeout bounds one call with its retries, and a page makes several in
/// a row (the room names, then the data), which a hung service would otherwise let add up. Unlimited until
/// <see cref="Limit"/> is called: the web app limits each request, while a background job (a scope of its own)
/// reads a long period for as long as it takes, each call still bounded by the pipeline.
/// </summary>
public sealed class UpstreamDeadline : IDisposable
{
    private readonly Lock _gate = new();
    private TimeSpan? _budget;
    private CancellationTokenSource? _expiry;

    /// <summary>
    /// From now on, this scope's upstream calls together get <paramref name="budget"/> at most. A second call (an
    /// error page re-executed in the same request) keeps the first deadline.
    /// </summary>
    public void Limit(TimeSpan budget)
    {
        lock (_gate)
        {
            if (_expiry is not null)
            {
                return;
            }

            _budget = budget;
            // Real time, like the pipeline's own time-outs: the deadline is about a person waiting for a page.
            _expiry = new CancellationTokenSource(budget);
        }
    }

    /// <summary>True once the budget is spent (never when unlimited).</summary>
    internal bool HasPassed
    {
        get
        {
            lock (_gate)
            {
                return _expiry?.IsCancellationRequested == true;
            }
        }
    }

    /// <summary>The reason a call cut short by the deadline gives, as the page shows it.</summary>
    internal UnreachableReason Why => new(UnreachableCause.DeadlinePassed, UnreachableReason.Seconds(_budget ?? TimeSpan.Zero));

    /// <summary><see cref="Why"/> in English, for logs.</summary>
    internal string Reason => Why.Describe();

    /// <summary>
    /// <paramref name="cancellationToken"/> joined to the deadline, for one call; dispose it when the call is over.
    /// When the result is cancelled and <see cref="HasPassed"/> while the caller's token is not, the deadline ended it.
    /// </summary>
    internal CancellationTokenSource Join(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _expiry is null
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
                : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _expiry.Token);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _expiry?.Dispose();
        }
    }
}
