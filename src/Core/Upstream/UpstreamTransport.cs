using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Refit;
using UMeetingReports.Core.Upstream.Wire;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// One call to the upstream, reduced to either its envelope or a reason that is safe to show and to log
/// ("HTTP 503", "timed out after 10 s", "the answer was not valid JSON"), as a code with its facts that pages word in
/// the reader's language. The caller's own cancellation is the only exception that passes through.
/// </summary>
internal static class UpstreamTransport
{
    public static async Task<TransportResult<T>> SendAsync<T>(
        Func<CancellationToken, Task<IApiResponse<T>>> send,
        JsonTypeInfo<T> envelopeType,
        CancellationToken cancellationToken)
        where T : class, IEnvelope
    {
        ArgumentNullException.ThrowIfNull(send);
        IApiResponse<T> response;
        try
        {
            response = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (ReasonOf(exception) is { } reason)
        {
            return TransportResult<T>.Failed(reason);
        }

        using (response)
        {
            return Classify(response, envelopeType, cancellationToken);
        }
    }

    private static TransportResult<T> Classify<T>(IApiResponse<T> response, JsonTypeInfo<T> envelopeType, CancellationToken cancellationToken)
        where T : class, IEnvelope
    {
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return TransportResult<T>.Failed(ReasonOf(requestError.InnerException ?? requestError) ?? new(UnreachableCause.ConnectionFailed));
        }

        if (!response.IsSuccessStatusCode)
        {
            // HTTP codes are not documented and the envelope is: a refusal may come with any code, so a
            // readable envelope with status ≠ 200 beats the bare code.
            var content = (response.Error as ApiException)?.Content;
            if (TryRead(content, envelopeType) is { Status: not 200 } refusal)
            {
                return TransportResult<T>.Answered(refusal);
            }

            return TransportResult<T>.Failed(StatusReason((int?)response.StatusCode ?? 0, response.Headers?.RetryAfter));
        }

        if (response.Error is not null)
        {
            return TransportResult<T>.Failed(new(UnreachableCause.NotJson));
        }

        return response.HasContent
            ? TransportResult<T>.Answered(response.Content)
            : TransportResult<T>.Failed(new(UnreachableCause.EmptyAnswer));
    }

    private static T? TryRead<T>(string? content, JsonTypeInfo<T> envelopeType)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content, envelopeType);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string DescribeStatus(int status, RetryConditionHeaderValue? retryAfter) => StatusReason(status, retryAfter).Describe();

    /// <summary>A safe sentence for the exceptions a call can end in; null for anything that is a defect of ours.</summary>
    internal static string? DescribeException(Exception? exception) => ReasonOf(exception)?.Describe();

    internal static UnreachableReason StatusReason(int status, RetryConditionHeaderValue? retryAfter) =>
        status == 429 && retryAfter?.Delta is { } wait
            ? new(UnreachableCause.TooManyRequests, UnreachableReason.Seconds(wait))
            : UnreachableReason.Of(UnreachableCause.HttpStatus, status);

    /// <summary>The reason for the exceptions a call can end in; null for anything that is a defect of ours.</summary>
    internal static UnreachableReason? ReasonOf(Exception? exception) => exception switch
    {
        UpstreamPausedException paused => paused.Reason,
        ApiRequestException request => ReasonOf(request.InnerException) ?? new(UnreachableCause.ConnectionFailed),
        ApiException api when (int)api.StatusCode is < 200 or > 299 => StatusReason((int)api.StatusCode, api.Headers?.RetryAfter),
        ApiException => new(UnreachableCause.NotJson),
        TimeoutRejectedException timeout => new(UnreachableCause.TimedOutAfter, UnreachableReason.Seconds(timeout.Timeout)),
        BrokenCircuitException => new(UnreachableCause.CircuitOpen),
        RateLimiterRejectedException => new(UnreachableCause.TooManyWaiting),
        HttpRequestException http => http.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new(UnreachableCause.AddressNotResolved),
            HttpRequestError.SecureConnectionError => new(UnreachableCause.SecureConnectionFailed),
            HttpRequestError.ResponseEnded => new(UnreachableCause.ConnectionClosedEarly),
            _ => new(UnreachableCause.ConnectionFailed),
        },
        JsonException => new(UnreachableCause.NotJson),
        TaskCanceledException or TimeoutException => new(UnreachableCause.TimedOut),
        IOException => new(UnreachableCause.ConnectionBroke),
        _ => null,
    };
}

internal readonly record struct TransportResult<T>(T? Envelope, UnreachableReason? Failure)
    where T : class
{
    /// <summary>The failure in English, for logs and health checks.</summary>
    public string? FailureReason => Failure?.Describe();

    public static TransportResult<T> Answered(T envelope) => new(envelope, null);

    public static TransportResult<T> Failed(UnreachableReason reason) => new(null, reason);
}
