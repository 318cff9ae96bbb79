using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>
/// What to export and for whom. <paramref name="HostId"/> null means every room. Without
/// <paramref name="RevealPhoneNumbers"/> (a Viewer) the file holds no whole phone number: telephony numbers are
/// masked, and so are participant names that are phone numbers. <paramref name="GeneratedAt"/> is the upstream
/// zone's "now" when the download was asked for (<see cref="UpstreamZone.Now"/>), stated in the Summary sheet.
/// <see cref="Uuid"/> narrows the file to one meeting record (the meeting detail page's download).
/// </summary>
public sealed record ExportRequest(
    DatePeriod Period,
    string? HostId,
    string RequestedBy,
    bool RevealPhoneNumbers,
    DateTimeOffset GeneratedAt)
{
    /// <summary>One meeting record's id; null for every meeting of the period.</summary>
    public string? Uuid { get; init; }

    internal MeetingQuery ToQuery() =>
        new(Period, string.IsNullOrEmpty(HostId) ? null : HostId, string.IsNullOrEmpty(Uuid) ? null : Uuid, ShowParticipants: true, ShowTelephonyUsage: true);
}
