using System.Text.Json.Serialization;

namespace UMeetingReports.Core.Upstream.Wire;

// Setters rather than init accessors, as in DetailEnvelope.cs (why is said there).

/// <summary>The envelope of /umeeting/share/rooms; the vendor sends most numbers as strings here.</summary>
internal sealed class RoomsEnvelope : IEnvelope
{
    public int Status { get; set; }

    public string? Message { get; set; }

    public IReadOnlyList<WireRoom>? Data { get; set; }
}

internal sealed class WireRoom
{
    /// <summary>The room's host id.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; set; }

    /// <summary>The room's display name.</summary>
    public string? FirstName { get; set; }

    [JsonConverter(typeof(LenientIntConverter))]
    public int? MeetingCapacity { get; set; }
}
