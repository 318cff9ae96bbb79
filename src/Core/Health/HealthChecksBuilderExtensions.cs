using Microsoft.Extensions.Diagnostics.HealthChecks;
using UMeetingReports.Core.Health;

namespace Microsoft.Extensions.DependencyInjection;

public static class HealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds the check "umeeting-upstream": healthy while the meeting service answers a cheap call (see
    /// <see cref="IUpstreamReadiness"/>), unhealthy otherwise. Needs <c>AddMeetingReports</c>. Give it a tag such as
    /// "ready" and map the readiness endpoint to that tag only, so the liveness endpoint never calls the upstream.
    /// </summary>
    public static IHealthChecksBuilder AddUpstreamReadiness(this IHealthChecksBuilder builder, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<UpstreamHealthCheck>(UpstreamHealthCheck.Name, HealthStatus.Unhealthy, tags);
    }

    /// <summary>
    /// Adds the check "umeeting-archive": healthy while the archive's database answers a cheap query within a few
    /// seconds and its schema is up to date; unhealthy otherwise, with a description that names the archive. Needs
    /// <c>AddMeetingArchive</c>.
    /// </summary>
    public static IHealthChecksBuilder AddArchiveReadiness(this IHealthChecksBuilder builder, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<ArchiveHealthCheck>(ArchiveHealthCheck.Name, HealthStatus.Unhealthy, tags);
    }
}
