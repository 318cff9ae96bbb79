using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// A display name that joined at least one meeting of a room that started on a day, as a window's copy holds it:
/// the distinct (day, room, name) triples of the participant rows, written with the window's meetings. Distinct names
/// over any period of whole days (of a room or all) are counted from these instead of the participant rows: on 24
/// months of ten times the demo's meetings, 296,109 triples against 1,039,554 rows, and the per-day triples grow with
/// the people who meet rather than with their meetings (bench/README.md, "Day names, sums in fen, telephony in one pass").
/// Each triple also carries the name's sums over the ended meetings of that day and room, from which the participants
/// report sums a period without reading its participant rows.
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

    /// <summary>Ended meetings of the day and room that the name joined (those still running are summed when asked).</summary>
    public int Meetings { get; set; }

    /// <summary>The name's participant rows in those meetings.</summary>
    public int Sessions { get; set; }

    /// <summary>The name's connected time in those meetings, each meeting's overlapping rows counted once, in ticks.</summary>
    public long ConnectedTicks { get; set; }

    /// <summary>The name's first join in those meetings (wall clock); null when <see cref="Meetings"/> is 0.</summary>
    public DateTime? FirstJoin { get; set; }

    /// <summary>The last time the name was seen in those meetings (wall clock); null when <see cref="Meetings"/> is 0.</summary>
    public DateTime? LastSeen { get; set; }

    /// <summary>A row of the name in those meetings has no leave time although its meeting ended.</summary>
    public bool StillConnected { get; set; }

    /// <summary>
    /// The distinct triples of the meetings' participant rows, each in its meeting's window, with each name's sums over
    /// the ended meetings as <see cref="Attendance.SumByName"/> counts them for the participants report: what that
    /// report reads instead of the participant rows. The meetings' times are read in <paramref name="zone"/>.
    /// </summary>
    public static List<RoomDayName> Of(IEnumerable<ArchivedMeeting> meetings, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(zone);
        var rows = new Dictionary<(DateOnly Day, string HostId, string Name, DateOnly WindowMonth), RoomDayName>();
        var people = new List<Attendance.PersonSum>();
        foreach (var meeting in meetings)
        {
            if (meeting.End is not { } end)
            {
                foreach (var session in meeting.Participants)
                {
                    RowOf(rows, meeting, session.Name);
                }

                continue;
            }

            var sessions = Attendance.EndedSessions(
                meeting.Participants.Select(session => new Participant(session.Name, zone.Attach(session.JoinTime), session.LeaveTime is { } leave ? zone.Attach(leave) : null)),
                zone.Attach(meeting.Start),
                zone.Attach(end));
            Attendance.SumByName(sessions, people);
            foreach (var person in people)
            {
                var row = RowOf(rows, meeting, person.Exact);
                row.Meetings++;
                row.Sessions += person.Sessions;
                row.ConnectedTicks += person.ConnectedTime.Ticks;
                row.FirstJoin = row.FirstJoin is { } first && first <= person.FirstJoin.DateTime ? first : person.FirstJoin.DateTime;
                row.LastSeen = row.LastSeen is { } last && last >= person.LastSeen.DateTime ? last : person.LastSeen.DateTime;
                row.StillConnected |= person.StillConnected;
            }
        }

        return [.. rows.Values];
    }

    private static RoomDayName RowOf(Dictionary<(DateOnly Day, string HostId, string Name, DateOnly WindowMonth), RoomDayName> rows, ArchivedMeeting meeting, string name)
    {
        var key = (DateOnly.FromDateTime(meeting.Start), meeting.HostId, name, meeting.WindowMonth);
        if (!rows.TryGetValue(key, out var row))
        {
            rows.Add(key, row = new RoomDayName { Day = key.Item1, HostId = meeting.HostId, Name = name, WindowMonth = meeting.WindowMonth });
        }

        return row;
    }
}
