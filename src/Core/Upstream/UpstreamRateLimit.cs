using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly.RateLimiting;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Spaces this instance's upstream attempts, retries included, at UMeeting:RequestsPerSecond: a token bucket that
/// holds a single token, so attempts never go out in a burst. In any span of L seconds at most 2 + L × rate
/// attempts start — one for the token the bucket holds, one because the limiter does not move its refill clock
/// while the bucket is full and so credits an idle spell with a token as soon as the held one is taken — and
/// while busy at most 1 + L × rate.
/// </summary>
internal sealed class UpstreamRateLimit : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly ITimer _refill;

    public UpstreamRateLimit(IOptions<UMeetingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perSecond = options.Value.RequestsPerSecond;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / perSecond),

            // Its own timer adds a whole token per tick however late or early the tick runs, and ticks delayed by a
            // busy thread pool then run back to back; refilled by hand it adds what the elapsed time earned.
            AutoReplenishment = false,

            // The gate lets at most MaxConcurrency calls in, so no more attempts than that ever wait here.
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        // The bucket measures elapsed time on the real clock, so it is refilled on the real clock too (a test's fake
        // clock must not stop the upstream calls). Four refills a period keep the rate within a quarter of a token.
        // Never under a millisecond: timers round a shorter period down to 0, which fires once and never again.
        var refillEvery = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, _bucket.ReplenishmentPeriod.Ticks / 4));
        _refill = TimeProvider.System.CreateTimer(static bucket => ((TokenBucketRateLimiter)bucket!).TryReplenish(), _bucket, refillEvery, refillEvery);
    }

    /// <summary>Returns when this attempt may go out; the caller's cancellation ends the wait.</summary>
    public async ValueTask WaitForTurnAsync(CancellationToken cancellationToken)
    {
        using var lease = await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new RateLimiterRejectedException("The upstream rate limit's queue is full.");
        }
    }

    public void Dispose()
    {
        _refill.Dispose();
        _bucket.Dispose();
    }
}
