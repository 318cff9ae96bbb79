using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>One page of the meetings report as asked: the upstream's filters plus the report's page.</summary>
public sealed record MeetingsRequest(MeetingQuery Query, int PageSize, int PageNumber);

/// <summary>
/// A page of meetings with the room names beside them and the page's totals. <see cref="ZoneLabel"/> names the
/// zone every time on the page is in, e.g. "Asia/Shanghai (UTC+08:00)".
/// </summary>
public sealed record MeetingsReport(MeetingPage Page, RoomList Rooms, IReadOnlyList<MeetingRow> Rows, MeetingTotals PageTotals, string ZoneLabel);

/// <summary>A meeting and the name of its room (the host id when the room list does not know it).</summary>
public sealed record MeetingRow(Meeting Meeting, string RoomName);

/// <summary>
/// Sums over a set of meetings. Actual minutes count ended meetings only (a running one has no length yet);
/// participants count distinct names per meeting, since a person who rejoins has several rows.
/// </summary>
public sealed record MeetingTotals(
    int Meetings,
    int ScheduledMinutes,
    int ActualMinutes,
    int RunningMeetings,
    int OverflowMeetings,
    int Participants,
    int TelephonyMinutes,
    decimal TelephonyCost)
{
    public static MeetingTotals From(IEnumerable<Meeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var (count, scheduled, actual, running, overflow, participants, phoneMinutes, phoneCost) = (0, 0, 0, 0, 0, 0, 0, 0m);
        foreach (var meeting in meetings)
        {
            count++;
            scheduled += meeting.ScheduledMinutes;
            actual += meeting.ActualMinutes ?? 0;
            running += meeting.IsRunning ? 1 : 0;
            overflow += meeting.IsExtra ? 1 : 0;
            participants += meeting.DistinctParticipants;
            phoneMinutes += meeting.TelephonyMinutes;
            phoneCost += meeting.TelephonyCost;
        }

        return new MeetingTotals(count, scheduled, actual, running, overflow, participants, phoneMinutes, phoneCost);
    }
}
