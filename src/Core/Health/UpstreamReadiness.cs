using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Core.Upstream.Wire;

namespace UMeetingReports.Core.Health;

/// <summary>
/// Asks the detail endpoint for today's first page of ten: the endpoint every report depends on, with the
/// credentials it checks, for the smallest answer it gives (the rooms endpoint is optional for this product and
/// lists every room). The call goes through the gate, the rate limit and the circuit breaker like any other, so a
/// probe never adds load the reports would not; it gets one attempt's time-out in all, so a probe is never kept
/// waiting through the retries.
/// </summary>
internal sealed partial class UpstreamReadiness(
    IUMeetingApi api,
    IOptions<UMeetingOptions> options,
    IUpstreamEndpoint endpoint,
    UpstreamZone zone,
    UpstreamGate gate,
    HybridCache cache,
    UpstreamReadiness.OneAtATime turns,
    ILogger<UpstreamReadiness> logger) : IUpstreamReadiness
{
    private const int ProbePageSize = 10;

    public async Task<UpstreamReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var lifetime = options.Value.ReadinessCacheDuration;

        // The answer is kept, a failed one as long as a good one, so probers cannot flood an upstream that is already
        // in trouble. HybridCache joins the askers that come while its probe is in flight, but one that missed the
        // kept answer just as it was being stored starts a probe of its own (seen as two probes in a burst of 25):
        // askers go one at a time, and those behind the first find its answer kept.
        await turns.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cached = await cache.GetOrCreateAsync(
                CacheKey(),
                this,
                static async (readiness, token) => new CachedResult(await readiness.ProbeAsync(token).ConfigureAwait(false)),
                new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
                tags: null,
                cancellationToken).ConfigureAwait(false);
            return cached.Result;
        }
        finally
        {
            turns.Gate.Release();
        }
    }

    private string CacheKey()
    {
        var account = $"{endpoint.BaseAddress}\n{options.Value.ApiKey}";
        return "umeeting:readiness:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account)));
    }

    private async Task<UpstreamReadinessResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var checkedAt = zone.Now;
        var today = new DatePeriod(zone.Today, zone.Today);
        var form = UpstreamForm.Detail(settings, new MeetingQuery(today), today, ProbePageSize, 1);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        TransportResult<DetailEnvelope> answer;
        try
        {
            answer = await gate.RunAsync(
                token => UpstreamTransport.SendAsync(t => api.GetDetailAsync(form, t), WireJsonContext.Default.DetailEnvelope, token),
                limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            answer = TransportResult<DetailEnvelope>.Failed(new UnreachableReason(UnreachableCause.TimedOutAfter, UnreachableReason.Seconds(settings.AttemptTimeout)));
        }

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var result = answer.Envelope switch
        {
            null => new UpstreamReadinessResult(false, $"the meeting service did not answer: {answer.FailureReason ?? "no answer"}", checkedAt),
            { Status: not 200 } refusal => new UpstreamReadinessResult(
                false,
                string.Create(CultureInfo.InvariantCulture, $"the meeting service refused the check: {UpstreamPageSource.Scrub(refusal.Message, settings)} (status {refusal.Status})"),
                checkedAt),
            _ => new UpstreamReadinessResult(true, string.Create(CultureInfo.InvariantCulture, $"the meeting service answered in {elapsed} ms"), checkedAt),
        };

        if (result.IsHealthy)
        {
            LogReady(logger, elapsed);
        }
        else
        {
            LogNotReady(logger, elapsed, result.Reason);
        }

        return result;
    }

    [ImmutableObject(true)]
    private sealed record CachedResult(UpstreamReadinessResult Result);

    /// <summary>The one turn at the readiness answer, shared by every check of a container (the checks are transient).</summary>
    internal sealed class OneAtATime : IDisposable
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public void Dispose() => Gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Readiness: the meeting service answered in {ElapsedMilliseconds} ms")]
    private static partial void LogReady(ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: not ready after {ElapsedMilliseconds} ms: {Reason}")]
    private static partial void LogNotReady(ILogger logger, long elapsedMilliseconds, string reason);
}
