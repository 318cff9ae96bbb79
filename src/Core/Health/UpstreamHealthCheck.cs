using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UMeetingReports.Core.Health;

/// <summary>The upstream's readiness as a health check; its description is the reason, safe to show on /healthz/ready.</summary>
internal sealed class UpstreamHealthCheck(IUpstreamReadiness readiness) : IHealthCheck
{
    public const string Name = "umeeting-upstream";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await readiness.CheckAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["checkedAt"] = result.CheckedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        return result.IsHealthy
            ? HealthCheckResult.Healthy(result.Reason, data)
            : new HealthCheckResult(context.Registration.FailureStatus, result.Reason, exception: null, data);
    }
}
