using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>What an analytics figure covers: a period of calendar days in the upstream's zone, all rooms or one.</summary>
public sealed record AnalyticsFilter(DatePeriod Period, string? HostId = null)
{
    /// <summary>
    /// The one upstream query every analytics report of this filter reads, participants and telephony included,
    /// so that the KPIs, the telephony report and the room usage of one period share the reader's cached pages.
    /// </summary>
    internal MeetingQuery ToQuery() =>
        new(Period, string.IsNullOrEmpty(HostId) ? null : HostId, ShowParticipants: true, ShowTelephonyUsage: true);
}
