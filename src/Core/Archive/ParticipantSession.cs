namespace UMeetingReports.Core.Archive;

/// <summary>One join of one person to one meeting, keyed by the meeting and its position in the service's list.</summary>
internal sealed class ParticipantSession
{
    public required string MeetingUuid { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }

    public DateTime JoinTime { get; set; }

    /// <summary>Null while the person is connected.</summary>
    public DateTime? LeaveTime { get; set; }

    public ArchivedMeeting? Meeting { get; set; }
}
