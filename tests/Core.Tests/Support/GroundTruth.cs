using System.Globalization;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Data;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>
/// Puts a simulator record and a record read by Core into one comparable line, every field included, so a
/// test can say "the app shows exactly what the simulator holds" in one assertion with a readable difference.
/// </summary>
internal static class GroundTruth
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static IReadOnlyList<string> Lines(IEnumerable<SimulatedMeeting> meetings, bool participants = false, bool telephony = false) =>
        [.. meetings.Select(meeting => Line(meeting, participants, telephony))];

    public static IReadOnlyList<string> Lines(IEnumerable<Meeting> meetings) => [.. meetings.Select(Line)];

    public static string Line(SimulatedMeeting meeting, bool participants, bool telephony) => string.Join(
        " | ",
        meeting.Uuid,
        meeting.HostId,
        meeting.MeetingId,
        meeting.Topic,
        Time(Attach(meeting.Start)),
        meeting.Duration.ToString(CultureInfo.InvariantCulture),
        Time(meeting.End is { } end ? Attach(end) : null),
        meeting.IsExtra ? "extra" : "regular",
        participants ? string.Join("; ", meeting.Participants.Select(p => $"{p.Name} {Time(Attach(p.JoinTime))}-{Time(p.LeaveTime is { } leave ? Attach(leave) : null)}")) : "",
        telephony ? string.Join("; ", meeting.Telephony.Select(c => $"{c.PhoneNumber} {c.Type} {Time(Attach(c.StartTime))}-{Time(c.EndTime is { } end ? Attach(end) : null)} {c.Duration} {c.Total.ToString(CultureInfo.InvariantCulture)}")) : "");

    public static string Line(Meeting meeting) => string.Join(
        " | ",
        meeting.Uuid,
        meeting.HostId,
        meeting.MeetingId,
        meeting.Topic,
        Time(meeting.Start),
        meeting.ScheduledMinutes.ToString(CultureInfo.InvariantCulture),
        Time(meeting.End),
        meeting.IsExtra ? "extra" : "regular",
        string.Join("; ", meeting.Participants.Select(p => $"{p.Name} {Time(p.JoinTime)}-{Time(p.LeaveTime)}")),
        string.Join("; ", meeting.Telephony.Select(c => $"{c.PhoneNumber} {c.Type} {Time(c.StartTime)}-{Time(c.EndTime)} {c.Minutes} {c.Cost.ToString(CultureInfo.InvariantCulture)}")));

    private static DateTimeOffset Attach(DateTime wallClock) => new(wallClock, Shanghai.GetUtcOffset(wallClock));

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "-";
}
