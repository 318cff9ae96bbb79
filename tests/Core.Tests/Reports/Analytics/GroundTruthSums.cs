using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Simulator.Data;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

/// <summary>
/// Sums computed straight from the simulator's records (wall-clock DateTimes, its own field names), sharing no
/// code with Core, so that a report agreeing with them agrees with what the upstream holds.
/// </summary>
internal static class GroundTruthSums
{
    public static MeetingFigures Figures(IReadOnlyList<SimulatedMeeting> meetings) => new(
        Meetings: meetings.Count,
        RunningMeetings: meetings.Count(meeting => meeting.End is null),
        ScheduledMinutes: meetings.Sum(meeting => meeting.Duration),
        ActualMinutes: meetings.Where(meeting => meeting.End is not null).Sum(meeting => (int)(meeting.End!.Value - meeting.Start).TotalMinutes),
        ParticipantRows: meetings.Sum(meeting => meeting.Participants.Count),
        Attendees: meetings.Sum(meeting => meeting.Participants.Select(participant => participant.Name).Distinct().Count()),
        DistinctNames: meetings.SelectMany(meeting => meeting.Participants).Select(participant => participant.Name).Distinct().Count(),
        OverflowMeetings: meetings.Count(meeting => meeting.IsExtra),
        Calls: meetings.Sum(meeting => meeting.Telephony.Count),
        CallMinutes: meetings.Sum(meeting => meeting.Telephony.Sum(call => call.Duration)),
        CallCost: meetings.Sum(meeting => meeting.Telephony.Sum(call => call.Total)));

    /// <summary>Each call with the day its meeting started and its room.</summary>
    public static IReadOnlyList<(DateOnly Day, string HostId, SimulatedCall Call)> Calls(IReadOnlyList<SimulatedMeeting> meetings) =>
        [.. meetings.SelectMany(meeting => meeting.Telephony.Select(call => (DateOnly.FromDateTime(meeting.Start), meeting.HostId, call)))];
}
