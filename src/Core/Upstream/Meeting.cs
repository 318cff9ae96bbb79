namespace UMeetingReports.Core.Upstream;

/// <summary>
/// One meeting record as the upstream reports it. Times are the upstream's wall-clock times with the
/// offset of its configured zone attached (see <see cref="UpstreamZone"/>); the server's own clock never
/// takes part in reading them.
/// </summary>
public sealed record Meeting(
    string Uuid,
    string HostId,
    string MeetingId,
    string Topic,
    DateTimeOffset Start,
    int ScheduledMinutes,
    DateTimeOffset? End,
    bool IsExtra,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<TelephonyCall> Telephony)
{
    /// <summary>True while the upstream gives no end time.</summary>
    public bool IsRunning => End is null;

    /// <summary>Actual length in whole minutes (rounded down); null while the meeting runs.</summary>
    public int? ActualMinutes => End is { } end ? (int)Math.Max(0, (end - Start).TotalMinutes) : null;

    /// <summary>People who joined, counted once each: a person who rejoins has several rows, matched by name.</summary>
    public int DistinctParticipants => Participants.Select(participant => participant.Name).Distinct(StringComparer.Ordinal).Count();

    public int TelephonyMinutes => Telephony.Sum(call => call.Minutes);

    public decimal TelephonyCost => Telephony.Sum(call => call.Cost);
}

/// <summary>One join of one person; a person who rejoins has several.</summary>
public sealed record Participant(string Name, DateTimeOffset JoinTime, DateTimeOffset? LeaveTime)
{
    public bool IsConnected => LeaveTime is null;
}

/// <summary>One telephone leg of a meeting. <see cref="Cost"/> is in yuan.</summary>
public sealed record TelephonyCall(
    string PhoneNumber,
    string Type,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    int Minutes,
    decimal Cost);
