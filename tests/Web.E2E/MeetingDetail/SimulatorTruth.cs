using UMeetingReports.Simulator.Data;

namespace UMeetingReports.Web.E2E.MeetingDetail;

/// <summary>
/// What the simulator's own records say, worked out the slow and obvious way (every instant tried, every second
/// counted), so the app's sweep and interval arithmetic are checked against something written independently.
/// Only for meetings that have ended: a row without a leave time would count until the app's "now".
/// </summary>
internal static class SimulatorTruth
{
    /// <summary>
    /// The most people present at once and the first join at which that many were: a person is present from join
    /// up to (not including) leave, or at the join instant itself for a row of no length.
    /// </summary>
    public static (int People, DateTime At) Peak(SimulatedMeeting meeting)
    {
        var rows = Rows(meeting);
        return rows
            .Select(row => row.Join)
            .Distinct()
            .Order()
            .Select(instant => (People: rows.Where(row => row.Join <= instant && (instant < row.Leave || row.Join == row.Leave && row.Join == instant))
                .Select(row => row.Name).Distinct(StringComparer.Ordinal).Count(), At: instant))
            .Aggregate((best, next) => next.People > best.People ? next : best);
    }

    /// <summary>Per name: its rows, and the seconds at least one of them was connected (overlaps counted once).</summary>
    public static IReadOnlyDictionary<string, (int Sessions, long ConnectedSeconds)> People(SimulatedMeeting meeting) =>
        Rows(meeting)
            .GroupBy(row => row.Name, StringComparer.Ordinal)
            .ToDictionary(
                person => person.Key,
                person => (person.Count(), ConnectedSeconds(person)),
                StringComparer.Ordinal);

    public static decimal TelephonyCost(SimulatedMeeting meeting) => meeting.Telephony.Sum(call => call.Total);

    /// <summary>Every meeting of the period that has ended, in the upstream's order.</summary>
    public static IEnumerable<SimulatedMeeting> Ended(SimulatorDataset dataset, DateOnly from, DateOnly to) =>
        dataset.MeetingsBetween(from, to).Where(meeting => meeting.End is not null && meeting.Participants.All(row => row.LeaveTime is not null));

    private static long ConnectedSeconds(IEnumerable<(string Name, DateTime Join, DateTime Leave)> rows)
    {
        var seconds = new HashSet<DateTime>();
        foreach (var (_, join, leave) in rows)
        {
            for (var second = join; second < leave; second = second.AddSeconds(1))
            {
                seconds.Add(second);
            }
        }

        return seconds.Count;
    }

    /// <summary>The rows as the upstream writes them (to the second); a leave before its join counts as an instant.</summary>
    private static List<(string Name, DateTime Join, DateTime Leave)> Rows(SimulatedMeeting meeting) =>
        meeting.Participants
            .Select(row => (Name: row.Name, Join: ToSecond(row.JoinTime), Leave: ToSecond(row.LeaveTime!.Value)))
            .Select(row => (row.Name, row.Join, row.Leave >= row.Join ? row.Leave : row.Join))
            .ToList();

    public static DateTime ToSecond(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Kind);
}
