namespace UMeetingReports.Core.Archive;

/// <summary>
/// A display name that joined at least one meeting of a room that started on a day, as a window's copy holds it:
/// the distinct (day, room, name) triples of the participant rows, written with the window's meetings. Distinct names
/// over any period of whole days (of a room or all) are counted from these instead of the participant rows: on 24
/// months of ten times the demo's meetings, 296,109 triples against 1,039,554 rows, and the per-day triples grow with
/// the people who meet rather than with their meetings (bench/README.md, "Day names, sums in fen, telephony in one pass").
/// </summary>
internal sealed class RoomDayName
{
    /// <summary>The service's wall-clock date of the meetings' start.</summary>
    public DateOnly Day { get; set; }

    public required string HostId { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// The window whose copy the meetings belong to, so that the window's write replaces its triples with its meetings
    /// (a meeting keeps the window of the read that last listed it, whatever its start day).
    /// </summary>
    public DateOnly WindowMonth { get; set; }

    /// <summary>The distinct triples of the meetings' participant rows, each in its meeting's window.</summary>
    public static List<RoomDayName> Of(IEnumerable<ArchivedMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        return Of(meetings.SelectMany(meeting => meeting.Participants, (meeting, session) => (meeting.Start, meeting.HostId, session.Name, meeting.WindowMonth)));
    }

    /// <summary>The distinct triples of participant rows given with their meeting's start, room and window.</summary>
    public static List<RoomDayName> Of(IEnumerable<(DateTime Start, string HostId, string Name, DateOnly WindowMonth)> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var seen = new HashSet<(DateOnly Day, string HostId, string Name, DateOnly WindowMonth)>();
        var rows = new List<RoomDayName>();
        foreach (var (start, hostId, name, windowMonth) in sessions)
        {
            var day = DateOnly.FromDateTime(start);
            if (seen.Add((day, hostId, name, windowMonth)))
            {
                rows.Add(new RoomDayName { Day = day, HostId = hostId, Name = name, WindowMonth = windowMonth });
            }
        }

        return rows;
    }
}
