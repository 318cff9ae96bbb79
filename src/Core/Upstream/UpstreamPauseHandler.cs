using Polly.CircuitBreaker;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Sits outside the resilience pipeline and turns the circuit breaker's bare refusal into a sentence that says
/// when the upstream was last really tried, for every caller alike (reports, room names, readiness).
/// </summary>
internal sealed class UpstreamPauseHandler(UpstreamStatus status) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException exception)
        {
            throw new UpstreamPausedException(status.PauseReason(), exception);
        }
    }
}

/// <summary>The circuit breaker refused a call; <see cref="Reason"/> (and the message) is safe to show and to log.</summary>
internal sealed class UpstreamPausedException(UnreachableReason reason, Exception innerException) : Exception(reason.Describe(), innerException)
{
    public UnreachableReason Reason { get; } = reason;
}
