namespace UMeetingReports.Simulator.Data;

/// <summary>A public meeting room of the simulated account. <see cref="HostId"/> is the upstream's host_id.</summary>
public sealed record SimulatedRoom(string HostId, string Name, string Email, int Capacity);

/// <summary>
/// One meeting record exactly as the simulator serves it. Times are wall-clock (Kind Unspecified) in the
/// simulator's zone; <see cref="Duration"/> is the scheduled length in minutes, not the actual one;
/// <see cref="End"/> is null while the meeting runs.
/// </summary>
public sealed record SimulatedMeeting(
    string Uuid,
    string HostId,
    string MeetingId,
    string Topic,
    DateTime Start,
    int Duration,
    DateTime? End,
    bool IsExtra,
    IReadOnlyList<SimulatedParticipant> Participants,
    IReadOnlyList<SimulatedCall> Telephony)
{
    /// <summary>Value equality over the nested lists too, so two data sets can be compared record by record.</summary>
    public bool Equals(SimulatedMeeting? other) =>
        other is not null
        && Uuid == other.Uuid
        && HostId == other.HostId
        && MeetingId == other.MeetingId
        && Topic == other.Topic
        && Start == other.Start
        && Duration == other.Duration
        && End == other.End
        && IsExtra == other.IsExtra
        && Participants.SequenceEqual(other.Participants)
        && Telephony.SequenceEqual(other.Telephony);

    public override int GetHashCode() => HashCode.Combine(Uuid, Start, Participants.Count, Telephony.Count);
}

/// <summary>One join of one person; a person who rejoins has several. <see cref="LeaveTime"/> is null while connected.</summary>
public sealed record SimulatedParticipant(string Name, DateTime JoinTime, DateTime? LeaveTime);

/// <summary>
/// One telephone leg. <see cref="Duration"/> is billed whole minutes (at least 1), <see cref="Total"/> the cost in
/// yuan (minutes × per-minute rate, exact to the fen); <see cref="EndTime"/> is null while the call is connected.
/// </summary>
public sealed record SimulatedCall(string PhoneNumber, string Type, DateTime StartTime, DateTime? EndTime, int Duration, decimal Total);

/// <summary>A meeting booked for later, listed by /umeeting/share/rooms.</summary>
internal sealed record ScheduledMeeting(string MeetingId, string Topic, DateTime Start, int Duration, string HostKey);
