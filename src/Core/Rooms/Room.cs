namespace UMeetingReports.Core.Rooms;

/// <summary>A public meeting room. <see cref="Name"/> falls back to the host id when the upstream gives none.</summary>
public sealed record Room(string HostId, string Name, int? Capacity);

/// <summary>
/// The rooms the account has. <see cref="IsKnown"/> is false when /share/rooms did not answer: then the list is
/// empty and callers fall back to the host ids seen in the data (a report never fails for want of names).
/// </summary>
public sealed record RoomList(IReadOnlyList<Room> Rooms, bool IsKnown)
{
    public static RoomList Unknown { get; } = new([], false);

    /// <summary>The room's display name, or its host id when it has none.</summary>
    public string NameOf(string hostId) => Find(hostId)?.Name ?? hostId;

    public bool Contains(string hostId) => Find(hostId) is not null;

    /// <summary>True when the list names the room of every row, so that no name on them comes from elsewhere.</summary>
    public bool NamesEvery<TRow>(IReadOnlyList<TRow> rows, Func<TRow, string> hostIdOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(hostIdOf);
        for (var index = 0; index < rows.Count; index++)
        {
            if (Find(hostIdOf(rows[index])) is null)
            {
                return false;
            }
        }

        return true;
    }

    // Asked once or twice for every row of a page: a plain loop, without the closure and enumerator LINQ would allocate.
    private Room? Find(string hostId)
    {
        for (var index = 0; index < Rooms.Count; index++)
        {
            if (string.Equals(Rooms[index].HostId, hostId, StringComparison.Ordinal))
            {
                return Rooms[index];
            }
        }

        return null;
    }
}

public interface IRoomDirectory
{
    /// <summary>Never throws for upstream trouble: returns <see cref="RoomList.Unknown"/> instead (cancellation still throws).</summary>
    Task<RoomList> GetRoomsAsync(CancellationToken cancellationToken);
}
