namespace UMeetingReports.Core.Upstream.Wire;

// The wire types have setters, not init accessors: for init-only properties System.Text.Json's source generator builds
// each object through a constructor delegate over boxed arguments, which must first read the whole object ahead
// (every meeting, and the envelope around 300 of them, re-read as the answer streams in). With setters each object is
// filled as it is read. Nothing but the deserialiser writes them.

/// <summary>The envelope of /umeeting/share/detail: <c>status</c> 200 is success, anything else a refusal.</summary>
internal sealed class DetailEnvelope : IEnvelope
{
    public int Status { get; set; }

    public string? Message { get; set; }

    public DetailData? Data { get; set; }
}

internal sealed class DetailData
{
    /// <summary>The echoed first day; not zero-padded ("2017-8-31").</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    public int TotalRecord { get; set; }

    public int TotalPage { get; set; }

    public int PageNumber { get; set; }

    public int PageSize { get; set; }

    public bool HasPreviousPage { get; set; }

    public bool HasNextPage { get; set; }

    /// <summary>Absent or null when the period holds nothing; read as empty.</summary>
    public IReadOnlyList<WireMeeting>? Meetings { get; set; }
}

internal sealed class WireMeeting
{
    public string? Uuid { get; set; }

    public string? HostId { get; set; }

    [System.Text.Json.Serialization.JsonConverter(typeof(LenientStringConverter))]
    public string? MeetingId { get; set; }

    public string? Topic { get; set; }

    public string? StartTime { get; set; }

    /// <summary>Scheduled length in minutes, not the actual one.</summary>
    public int Duration { get; set; }

    /// <summary>Empty or null while the meeting runs.</summary>
    public string? EndTime { get; set; }

    public bool IsExtra { get; set; }

    /// <summary>Absent, null or empty when show_participants is off.</summary>
    public IReadOnlyList<WireParticipant>? Participants { get; set; }

    /// <summary>Absent, null or empty when show_telephony_usage is off.</summary>
    public IReadOnlyList<WireTelephonyCall>? TelephonyUsage { get; set; }
}

internal sealed class WireParticipant
{
    public string? Name { get; set; }

    public string? JoinTime { get; set; }

    /// <summary>Empty or null while the person is still connected.</summary>
    public string? LeaveTime { get; set; }
}

internal sealed class WireTelephonyCall
{
    public string? PhoneNumber { get; set; }

    public string? Type { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public int Duration { get; set; }

    /// <summary>Cost in yuan; read straight from the JSON text as decimal so 0.12 stays 0.12.</summary>
    public decimal Total { get; set; }
}
