using System.Globalization;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Tests.Reports.MeetingDetail;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Data;

namespace UMeetingReports.Core.Tests.Reports.Participants;

/// <summary>
/// Each name's line of the participants report computed straight from the simulator's records
/// (<see cref="IndependentTruth"/>: its own interval arithmetic, in the simulator's wall clock), and a report's row in
/// the same words, so that the two compare as text.
/// </summary>
internal static class ParticipantsTruth
{
    public static List<string> Lines(SimulatorDataset dataset, DatePeriod period, string? hostId)
    {
        var names = dataset.Rooms.ToDictionary(room => room.HostId, room => room.Name, StringComparer.Ordinal);
        return Totals(dataset, period, hostId)
            .Select(person => Line(
                person.Key,
                person.Value.Meetings,
                person.Value.Sessions,
                person.Value.Connected,
                Time(Attach(person.Value.First)),
                Time(Attach(person.Value.Last)),
                person.Value.StillConnected,
                string.Join("; ", person.Value.Rooms.Select(hostId => names[hostId]).Order(StringComparer.Ordinal))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static Dictionary<string, Person> Totals(SimulatorDataset dataset, DatePeriod period, string? hostId)
    {
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var meeting in dataset.MeetingsBetween(period.From, period.To, hostId))
        {
            foreach (var rows in IndependentTruth.Rows(meeting, dataset).GroupBy(row => row.Name, StringComparer.Ordinal))
            {
                var person = people.TryGetValue(rows.Key, out var known) ? known : people[rows.Key] = new Person();
                person.Meetings++;
                person.Sessions += rows.Count();
                person.Connected += IndependentTruth.Covered(rows);
                person.First = rows.Min(row => row.Join) is var first && first < person.First ? first : person.First;
                person.Last = rows.Max(row => row.End) is var last && last > person.Last ? last : person.Last;
                person.StillConnected |= rows.Any(row => row.Open);
                person.Rooms.Add(meeting.HostId);
            }
        }

        return people;
    }

    public static string Describe(ParticipantSummary row) =>
        Line(row.Name, row.Meetings, row.Sessions, row.ConnectedTime, Time(row.FirstSeen), Time(row.LastSeen), row.StillConnected, string.Join("; ", row.Rooms.Order(StringComparer.Ordinal)));

    private static string Line(string name, int meetings, int sessions, TimeSpan connected, string first, string last, bool connectedNow, string rooms) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} | {meetings} | {sessions} | {connected} | {first} | {last} | {(connectedNow ? "connected" : "gone")} | {rooms}");

    private static DateTimeOffset Attach(DateTime wallClock) => new(wallClock, GroundTruth.Shanghai.GetUtcOffset(wallClock));

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    public sealed class Person
    {
        public int Meetings { get; set; }

        public int Sessions { get; set; }

        public TimeSpan Connected { get; set; }

        public DateTime First { get; set; } = DateTime.MaxValue;

        public DateTime Last { get; set; } = DateTime.MinValue;

        public bool StillConnected { get; set; }

        public HashSet<string> Rooms { get; } = new(StringComparer.Ordinal);
    }
}
