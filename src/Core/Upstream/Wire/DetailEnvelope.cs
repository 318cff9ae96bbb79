namespace UMeetingReports.Core.Upstream.Wire;

/// <summary>The envelope of /umeeting/share/detail: <c>status</c> 200 is success, anything else a refusal.</summary>
internal sealed class DetailEnvelope : IEnvelope
{
    public int Status { get; init; }

    public string? Message { get; init; }

    public DetailData? Data { get; init; }
}

internal sealed class DetailData
{
    /// <summary>The echoed first day; not zero-padded ("2017-8-31").</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    public int TotalRecord { get; init; }

    public int TotalPage { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public bool HasPreviousPage { get; init; }

    public bool HasNextPage { get; init; }

    /// <summary>Absent or null when the period holds nothing; read as empty.</summary>
    public IReadOnlyList<WireMeeting>? Meetings { get; init; }
}

internal sealed class WireMeeting
{
    public string? Uuid { get; init; }

    public string? HostId { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(LenientStringConverter))]
    public string? MeetingId { get; init; }

    public string? Topic { get; init; }

    public string? StartTime { get; init; }

    /// <summary>Scheduled length in minutes, not the actual one.</summary>
    public int Duration { get; init; }

    /// <summary>Empty or null while the meeting runs.</summary>
    public string? EndTime { get; init; }

    public bool IsExtra { get; init; }

    /// <summary>Absent, null or empty when show_participants is off.</summary>
    public IReadOnlyList<WireParticipant>? Participants { get; init; }

    /// <summary>Absent, null or empty when show_telephony_usage is off.</summary>
    public IReadOnlyList<WireTelephonyCall>? TelephonyUsage { get; init; }
}

internal sealed class WireParticipant
{
    public string? Name { get; init; }

    public string? JoinTime { get; init; }

    /// <summary>Empty or null while the person is still connected.</summary>
    public string? LeaveTime { get; init; }
}

internal sealed class WireTelephonyCall
{
    public string? PhoneNumber { get; init; }

    public string? Type { get; init; }

    public string? StartTime { get; init; }

    public string? EndTime { get; init; }

    public int Duration { get; init; }

    /// <summary>Cost in yuan; read straight from the JSON text as decimal so 0.12 stays 0.12.</summary>
    public decimal Total { get; init; }
}
