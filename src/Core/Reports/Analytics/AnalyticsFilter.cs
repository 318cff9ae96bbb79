using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// What an analytics figure covers: a period of calendar days in the upstream's zone, all rooms or one, and on the
/// meetings report the meetings its list is narrowed to (<see cref="Search"/>, <see cref="Participant"/>), so that
/// the report's KPIs and months count the meetings it lists.
/// </summary>
public sealed record AnalyticsFilter(DatePeriod Period, string? HostId = null)
{
    /// <summary>The meetings report's search, trimmed (a meeting ID's beginning, part of a topic or room name, a record id); null for every meeting.</summary>
    public string? Search
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A display name, exact: only the meetings it joined; null for every meeting.</summary>
    public string? Participant
    {
        get;
        init => field = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Whether only some of the period's meetings are counted (the meetings report's search or person).</summary>
    public bool NarrowsMeetings => Search is not null || Participant is not null;

    /// <summary>
    /// The one upstream query every analytics report of this filter reads, participants and telephony included,
    /// so that the KPIs, the telephony report and the room usage of one period share the reader's cached pages.
    /// </summary>
    internal MeetingQuery ToQuery() =>
        new(Period, string.IsNullOrEmpty(HostId) ? null : HostId, ShowParticipants: true, ShowTelephonyUsage: true);
}
