using System.Diagnostics;
using Microsoft.Extensions.Logging;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// Every meeting of a filter's period, gathered through the reader (all windows, all pages, through the cache),
/// or the failure that names the missing window. Analytics never work on part of a period.
/// </summary>
internal sealed partial class PeriodMeetings(IMeetingReader reader, ILogger<PeriodMeetings> logger)
{
    public async Task<UpstreamResult<IReadOnlyList<Meeting>>> GatherAsync(
        AnalyticsFilter filter, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var started = Stopwatch.GetTimestamp();
        var result = await reader.GetAllAsync(filter.ToQuery(), progress, cancellationToken).ConfigureAwait(false);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.Succeeded)
        {
            LogGathered(logger, filter.Period, filter.HostId ?? "all rooms", result.Value.Count, elapsed);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gathered {Count} meetings of {Period} ({HostId}) for analytics in {ElapsedMilliseconds} ms")]
    private static partial void LogGathered(ILogger logger, DatePeriod period, string hostId, int count, long elapsedMilliseconds);
}
