namespace UMeetingReports.Core.Health;

/// <summary>
/// Whether the meeting service answers now, for a readiness probe. One cheap call at most every
/// UMeeting:ReadinessCacheDuration, whatever the number of probers; healthy or not, the answer is reused that long.
/// </summary>
public interface IUpstreamReadiness
{
    Task<UpstreamReadinessResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The outcome of one readiness call. <paramref name="Reason"/> is safe to show to anyone (it never carries a
/// credential); <paramref name="CheckedAt"/> is when the call was made, in the upstream's zone.
/// </summary>
public sealed record UpstreamReadinessResult(bool IsHealthy, string Reason, DateTimeOffset CheckedAt);
