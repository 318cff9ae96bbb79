using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Sits inside the resilience pipeline, so every attempt passes it, retries included: the attempt waits for its
/// turn under UMeeting:RequestsPerSecond, then goes out and is recorded in <see cref="UpstreamStatus"/>.
/// An attempt the circuit breaker refuses never gets here, so "last tried" means a call the upstream really saw.
/// </summary>
internal sealed partial class UpstreamAttemptHandler(
    UpstreamRateLimit rateLimit,
    UpstreamStatus status,
    ILogger<UpstreamAttemptHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var waitStarted = Stopwatch.GetTimestamp();
        await rateLimit.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        var waited = Stopwatch.GetElapsedTime(waitStarted);
        if (waited >= TimeSpan.FromMilliseconds(1))
        {
            LogWaitedForTurn(logger, (long)waited.TotalMilliseconds);
        }

        status.AttemptStarted();
        UpstreamRequestTally.Record();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                status.AttemptAnswered();
            }
            else
            {
                status.AttemptFailed(UpstreamTransport.DescribeStatus((int)response.StatusCode, response.Headers.RetryAfter));
            }

            return response;
        }
        catch (OperationCanceledException)
        {
            // The attempt's own time-out and the caller leaving look the same from here.
            status.AttemptFailed("the attempt was given up before an answer came (its time-out or the caller's cancellation)");
            throw;
        }
        catch (Exception exception) when (UpstreamTransport.DescribeException(exception) is { } reason)
        {
            status.AttemptFailed(reason);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upstream attempt waited {WaitedMilliseconds} ms for its turn under UMeeting:RequestsPerSecond")]
    private static partial void LogWaitedForTurn(ILogger logger, long waitedMilliseconds);
}
