using Microsoft.Extensions.Diagnostics.HealthChecks;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Core.Health;

/// <summary>The archive's database as a health check; its description names the archive and is safe to show on /healthz/ready.</summary>
internal sealed class ArchiveHealthCheck(IArchiveHealth archive) : IHealthCheck
{
    public const string Name = "umeeting-archive";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await archive.ProbeAsync(cancellationToken).ConfigureAwait(false);
        return result.IsHealthy
            ? HealthCheckResult.Healthy(result.Reason)
            : new HealthCheckResult(context.Registration.FailureStatus, result.Reason);
    }
}
