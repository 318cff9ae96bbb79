using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Telephony;

/// <summary>The telephony report of a whole period, or the failure that names the window that is missing.</summary>
public interface ITelephonyReportService
{
    /// <param name="revealPhoneNumbers">False (a viewer): the top numbers are masked, e.g. "+86 137****9201".</param>
    /// <param name="names">The reader's order of room names, for rooms whose cost ties.</param>
    Task<UpstreamResult<TelephonyReport>> GetAsync(
        AnalyticsFilter filter, bool revealPhoneNumbers, TextOrder names, IProgress<GatherProgress>? progress, CancellationToken cancellationToken);
}
