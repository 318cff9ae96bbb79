namespace UMeetingReports.Core.Archive;

/// <summary>
/// One meeting record as the service gave it, every field, plus the totals the reports need, computed once when its
/// window was written so that a report over months reads this table only, never the participant or telephone rows.
/// Times are the service's wall-clock values (Kind Unspecified) in UMeeting:TimeZone.
/// </summary>
internal sealed class ArchivedMeeting
{
    public required string Uuid { get; set; }

    public required string HostId { get; set; }

    public required string MeetingId { get; set; }

    public required string Topic { get; set; }

    /// <summary>The topic folded to lower case (invariant culture), what a case-insensitive topic search compares.</summary>
    public required string TopicSearch { get; set; }

    public DateTime Start { get; set; }

    /// <summary>The scheduled length (the service's <c>duration</c>), not the actual one.</summary>
    public int ScheduledMinutes { get; set; }

    /// <summary>Null while the meeting runs.</summary>
    public DateTime? End { get; set; }

    public bool IsExtra { get; set; }

    /// <summary>The first day of the month window that returned this record.</summary>
    public DateOnly WindowMonth { get; set; }

    /// <summary>Position of the record in the service's order within its window (0-based).</summary>
    public int WindowPosition { get; set; }

    /// <summary>Whole minutes from start to end, rounded down; null while the meeting runs.</summary>
    public int? ActualMinutes { get; set; }

    /// <summary>Join rows: a person who rejoins has several.</summary>
    public int ParticipantRows { get; set; }

    /// <summary>Display names counted once each (ordinal comparison).</summary>
    public int DistinctParticipants { get; set; }

    public int PhoneCalls { get; set; }

    public int PhoneMinutes { get; set; }

    /// <summary>Yuan, to the fen.</summary>
    public decimal PhoneCost { get; set; }

    public ArchivedRoom? Room { get; set; }

    public List<ParticipantSession> Participants { get; set; } = [];

    public List<TelephonyLeg> Telephony { get; set; } = [];
}
