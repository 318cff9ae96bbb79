using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// The figures of a set of meetings: the whole period's KPIs, or one room's line of the room usage table.
/// <list type="bullet">
/// <item><see cref="ActualMinutes"/> counts ended meetings only; <see cref="RunningMeetings"/> says how many had
/// no length yet (their time so far is in the room usage's utilisation, not here).</item>
/// <item><see cref="ParticipantRows"/> counts every join (a person who rejoins has several rows);
/// <see cref="Attendees"/> counts each name once per meeting, summed over meetings (the meetings table's
/// column); <see cref="DistinctNames"/> counts each name once across the whole set.</item>
/// </list>
/// </summary>
public sealed record MeetingFigures(
    int Meetings,
    int RunningMeetings,
    int ScheduledMinutes,
    int ActualMinutes,
    int ParticipantRows,
    int Attendees,
    int DistinctNames,
    int OverflowMeetings,
    int Calls,
    int CallMinutes,
    decimal CallCost)
{
    public static MeetingFigures None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0m);

    /// <summary>Overflow (is_extra) meetings of all meetings: the sign that the account needs more room licences.</summary>
    public Share OverflowShare => new(OverflowMeetings, Meetings);

    public static MeetingFigures Of(IEnumerable<Meeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var (count, running, scheduled, actual, rows, attendees, overflow, calls, callMinutes, callCost) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0m);
        foreach (var meeting in meetings)
        {
            count++;
            running += meeting.IsRunning ? 1 : 0;
            scheduled += meeting.ScheduledMinutes;
            actual += meeting.ActualMinutes ?? 0;
            rows += meeting.Participants.Count;
            attendees += meeting.DistinctParticipants;
            names.UnionWith(meeting.Participants.Select(participant => participant.Name));
            overflow += meeting.IsExtra ? 1 : 0;
            calls += meeting.Telephony.Count;
            callMinutes += meeting.TelephonyMinutes;
            callCost += meeting.TelephonyCost;
        }

        return new MeetingFigures(count, running, scheduled, actual, rows, attendees, names.Count, overflow, calls, callMinutes, callCost);
    }
}
