using Microsoft.Extensions.Options;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Caps the upstream calls in flight for the whole process at UMeeting:MaxConcurrency, however many reports
/// run at once: the vendor publishes no rate limit, and Zoom's v1 API it copies allowed about one request a second.
/// </summary>
internal sealed class UpstreamGate(IOptions<UMeetingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrency, options.Value.MaxConcurrency);

    public async Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
