namespace UMeetingReports.Core.Archive;

/// <summary>One telephone leg of one meeting, keyed by the meeting and its position in the service's list.</summary>
internal sealed class TelephonyLeg
{
    public required string MeetingUuid { get; set; }

    public int Position { get; set; }

    /// <summary>E.164, personal data: masked for Viewers wherever it is shown.</summary>
    public required string PhoneNumber { get; set; }

    public required string Type { get; set; }

    public DateTime StartTime { get; set; }

    /// <summary>Null while the call is connected.</summary>
    public DateTime? EndTime { get; set; }

    /// <summary>Billed whole minutes.</summary>
    public int Minutes { get; set; }

    /// <summary>Yuan, to the fen.</summary>
    public decimal Cost { get; set; }

    public ArchivedMeeting? Meeting { get; set; }
}
