namespace UMeetingReports.Core.Archive;

/// <summary>
/// A public meeting room (host id) that the archive has seen in a window, with the name /umeeting/share/rooms gave
/// it when that answered. Rooms are never deleted: an old meeting keeps its room.
/// </summary>
internal sealed class ArchivedRoom
{
    public required string HostId { get; set; }

    /// <summary>The room's display name from the service; null until the room list has answered.</summary>
    public string? Name { get; set; }

    public int? Capacity { get; set; }

    /// <summary>Wall-clock time in the service's zone when a window first brought this room in.</summary>
    public DateTime FirstSeenAt { get; set; }
}
