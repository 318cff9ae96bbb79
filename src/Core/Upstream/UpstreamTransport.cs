using System.Globalization;
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
/// ("HTTP 503", "timed out after 10 s", "the answer was not valid JSON"). The caller's own cancellation is the
/// only exception that passes through.
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
        catch (Exception exception) when (DescribeException(exception) is { } reason)
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
            return TransportResult<T>.Failed(DescribeException(requestError.InnerException ?? requestError) ?? "the connection failed");
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

            return TransportResult<T>.Failed(DescribeStatus((int?)response.StatusCode ?? 0, response.Headers?.RetryAfter));
        }

        if (response.Error is not null)
        {
            return TransportResult<T>.Failed("the answer was not valid JSON");
        }

        return response.HasContent
            ? TransportResult<T>.Answered(response.Content)
            : TransportResult<T>.Failed("the answer was empty");
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

    internal static string DescribeStatus(int status, RetryConditionHeaderValue? retryAfter) =>
        status == 429 && retryAfter?.Delta is { } wait
            ? $"HTTP 429, too many requests (asked to wait {Seconds(wait)})"
            : $"HTTP {status.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A safe sentence for the exceptions a call can end in; null for anything that is a defect of ours.</summary>
    internal static string? DescribeException(Exception? exception) => exception switch
    {
        UpstreamPausedException paused => paused.Message,
        ApiRequestException request => DescribeException(request.InnerException) ?? "the connection failed",
        ApiException api when (int)api.StatusCode is < 200 or > 299 => DescribeStatus((int)api.StatusCode, api.Headers?.RetryAfter),
        ApiException => "the answer was not valid JSON",
        TimeoutRejectedException timeout => $"timed out after {Seconds(timeout.Timeout)}",
        BrokenCircuitException => "it failed repeatedly, so it is not being asked again for a short while",
        RateLimiterRejectedException => "too many requests to it were already waiting",
        HttpRequestException http => http.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "its address could not be resolved",
            HttpRequestError.SecureConnectionError => "the secure connection could not be set up",
            HttpRequestError.ResponseEnded => "the connection closed before the answer was complete",
            _ => "the connection failed",
        },
        JsonException => "the answer was not valid JSON",
        TaskCanceledException or TimeoutException => "timed out",
        IOException => "the connection broke",
        _ => null,
    };

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}

internal readonly record struct TransportResult<T>(T? Envelope, string? FailureReason)
    where T : class
{
    public static TransportResult<T> Answered(T envelope) => new(envelope, null);

    public static TransportResult<T> Failed(string reason) => new(null, reason);
}
