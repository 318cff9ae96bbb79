using System.Globalization;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>
/// What to export and for whom. <paramref name="HostId"/> null means every room. Without
/// <paramref name="RevealPhoneNumbers"/> (a Viewer) the file holds no whole phone number: telephony numbers are
/// masked, and so are participant names that are phone numbers. <paramref name="GeneratedAt"/> is the upstream
/// zone's "now" when the download was asked for (<see cref="UpstreamZone.Now"/>), stated in the Summary sheet.
/// <see cref="Uuid"/> narrows the file to one meeting record (the meeting detail page's download);
/// <see cref="ParticipantName"/> to the participants report's name search (that page's download);
/// <see cref="Search"/> and <see cref="Participant"/> to the meetings report's search and person (its download).
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

    /// <summary>
    /// The participants report's name search (see <see cref="NameSearch"/>): the file then holds the meetings a
    /// matching participant joined, with only the matching joins, and those meetings' phone calls. Null for everyone.
    /// </summary>
    public string? ParticipantName { get; init; }

    /// <summary>
    /// The meetings report's search (<c>q</c>): the file holds the meetings whose meeting ID starts with it, whose topic
    /// or room name contains it, or whose record id it is, each whole. Null for every meeting.
    /// </summary>
    public string? Search { get; init; }

    /// <summary>
    /// The meetings report's person (<c>participant</c>, an exact display name): the file holds the meetings that name
    /// joined, each whole (every join and call). Null for every meeting.
    /// </summary>
    public string? Participant { get; init; }

    /// <summary>
    /// The meetings report's order (<c>sort</c>, <c>dir</c>) that the meetings follow, and with them their joins and
    /// calls: a download asked from that report is in the order its list was. Null for the archive's order, oldest
    /// first (the meeting service's own), which a download asked from any other page keeps.
    /// </summary>
    public MeetingOrder? Order { get; init; }

    /// <summary>The search as the meetings report applies it: trimmed, and null when blank.</summary>
    internal string? SearchText => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    /// <summary>Whether the meetings report's search or person narrows the file (<see cref="Search"/>, <see cref="Participant"/>).</summary>
    internal bool NarrowsMeetings => SearchText is not null || !string.IsNullOrEmpty(Participant);

    /// <summary>
    /// The language of the file's words (sheet names, headers, the Summary, call types): the asker's, captured with the
    /// request, because the export may run later on a background thread. English unless set; numbers and times are
    /// written as values, not as text, whatever it is.
    /// </summary>
    public CultureInfo Culture { get; init; } = ExportTexts.English;

    internal NameSearch NameSearch => new(ParticipantName, RevealPhoneNumbers);

    internal MeetingQuery ToQuery() =>
        new(Period, string.IsNullOrEmpty(HostId) ? null : HostId, string.IsNullOrEmpty(Uuid) ? null : Uuid, ShowParticipants: true, ShowTelephonyUsage: true);
}
