using System.Text.Json.Serialization;

namespace UMeetingReports.Core.Upstream.Wire;

/// <summary>The envelope of /umeeting/share/rooms; the vendor sends most numbers as strings here.</summary>
internal sealed class RoomsEnvelope : IEnvelope
{
    public int Status { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<WireRoom>? Data { get; init; }
}

internal sealed class WireRoom
{
    /// <summary>The room's host id.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    /// <summary>The room's display name.</summary>
    public string? FirstName { get; init; }

    [JsonConverter(typeof(LenientIntConverter))]
    public int? MeetingCapacity { get; init; }
}
