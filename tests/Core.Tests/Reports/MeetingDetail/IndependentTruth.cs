using UMeetingReports.Simulator.Data;

namespace UMeetingReports.Core.Tests.Reports.MeetingDetail;

/// <summary>
/// The drill-down figures computed straight from the simulator's records, by deliberately different means than
/// Core's (elementary segments instead of merging, brute force instead of a sweep), in the simulator's wall clock.
/// </summary>
internal static class IndependentTruth
{
    /// <summary>One row as served: the wire carries whole seconds, and the data set keeps fractions of them.</summary>
    internal sealed record Row(string Name, DateTime Join, DateTime End, bool Open);

    /// <summary>When a row without a leave time stops counting: the meeting's end, or the data set's "now".</summary>
    public static DateTime Until(SimulatedMeeting meeting, SimulatorDataset dataset) => Served(meeting.End ?? dataset.Now);

    public static IReadOnlyList<Row> Rows(SimulatedMeeting meeting, SimulatorDataset dataset)
    {
        var until = Until(meeting, dataset);
        return [.. meeting.Participants.Select(row => new Row(row.Name, Served(row.JoinTime), row.LeaveTime is { } leave ? Served(leave) : until, row.LeaveTime is null))];
    }

    public static DateTime Served(DateTime time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>
    /// Time covered by at least one of the rows: cut the line at every join and leave, and add each piece whose
    /// middle lies inside some row.
    /// </summary>
    public static TimeSpan Covered(IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var cuts = list.SelectMany(row => new[] { row.Join, row.End }).Distinct().Order().ToList();
        var total = TimeSpan.Zero;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var middle = cuts[i] + ((cuts[i + 1] - cuts[i]) / 2);
            if (list.Exists(row => row.Join <= middle && middle < row.End))
            {
                total += cuts[i + 1] - cuts[i];
            }
        }

        return total;
    }

    /// <summary>The most people present at once, first reached when, and until the count first falls below it.</summary>
    public static (int People, DateTime At, DateTime Until)? Peak(IReadOnlyList<Row> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        // A row covers [join, leave): someone who leaves at an instant is no longer there at it.
        int PresentAt(DateTime instant) =>
            rows.Where(row => row.Join <= instant && instant < row.End).Select(row => row.Name).Distinct(StringComparer.Ordinal).Count();

        var counts = rows.SelectMany(row => new[] { row.Join, row.End }).Distinct().Order().Select(instant => (Instant: instant, People: PresentAt(instant))).ToList();
        var best = counts.Max(count => count.People);
        var at = counts.First(count => count.People == best).Instant;
        return (best, at, counts.First(count => count.Instant > at && count.People < best).Instant);
    }
}
