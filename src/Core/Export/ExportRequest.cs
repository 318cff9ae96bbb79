using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>
/// What to export and for whom. <paramref name="HostId"/> null means every room. Without
/// <paramref name="RevealPhoneNumbers"/> (a Viewer) the file holds no whole phone number: telephony numbers are
/// masked, and so are participant names that are phone numbers. <paramref name="GeneratedAt"/> is the upstream
/// zone's "now" when the download was asked for (<see cref="UpstreamZone.Now"/>), stated in the Summary sheet.
/// </summary>
public sealed record ExportRequest(
    DatePeriod Period,
    string? HostId,
    string RequestedBy,
    bool RevealPhoneNumbers,
    DateTimeOffset GeneratedAt)
{
    internal MeetingQuery ToQuery() =>
        new(Period, string.IsNullOrEmpty(HostId) ? null : HostId, ShowParticipants: true, ShowTelephonyUsage: true);
}
