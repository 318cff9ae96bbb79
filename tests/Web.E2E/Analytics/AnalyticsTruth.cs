using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.MeetingDetail;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>
/// The figures of a set of the simulator's own meetings, worked out here the plain way from its records (times cut
/// to the second, as the upstream writes them), so the app's sums are checked against something written apart from
/// them. "Now" is the simulator's: a meeting without an end runs until then.
/// </summary>
internal sealed record AnalyticsTruth(
    int Meetings,
    int ScheduledMinutes,
    int ActualMinutes,
    int ParticipantRows,
    int DistinctNames,
    int OverflowMeetings,
    int Calls,
    int CallMinutes,
    decimal CallCost)
{
    public static AnalyticsTruth Of(IReadOnlyCollection<SimulatedMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var calls = meetings.SelectMany(meeting => meeting.Telephony).ToList();
        return new AnalyticsTruth(
            meetings.Count,
            meetings.Sum(meeting => meeting.Duration),
            meetings.Where(meeting => meeting.End is not null).Sum(ActualMinutesOf),
            meetings.Sum(meeting => meeting.Participants.Count),
            meetings.SelectMany(meeting => meeting.Participants).Select(row => row.Name).Distinct(StringComparer.Ordinal).Count(),
            meetings.Count(meeting => meeting.IsExtra),
            calls.Count,
            calls.Sum(call => call.Duration),
            calls.Sum(call => call.Total));
    }

    /// <summary>Whole minutes from start to end, rounded down; none for an end before the start.</summary>
    public static int ActualMinutesOf(SimulatedMeeting meeting)
    {
        var length = SimulatorTruth.ToSecond(meeting.End!.Value) - SimulatorTruth.ToSecond(meeting.Start);
        return length <= TimeSpan.Zero ? 0 : (int)Math.Floor(length.TotalMinutes);
    }

    /// <summary>The meeting's time, to the second: until now while it runs, nothing when it ends before it starts.</summary>
    public static (DateTime Start, DateTime End) SpanOf(SimulatedMeeting meeting, DateTime now)
    {
        var start = SimulatorTruth.ToSecond(meeting.Start);
        var end = SimulatorTruth.ToSecond(meeting.End ?? now);
        return (start, end > start ? end : start);
    }

    /// <summary>
    /// The most meetings held at once: tried at every meeting's start, counting those that started by then and end
    /// after it (a meeting ending as another starts does not overlap it).
    /// </summary>
    public static int PeakConcurrent(IReadOnlyCollection<SimulatedMeeting> meetings, DateTime now)
    {
        var spans = meetings.Select(meeting => SpanOf(meeting, now)).ToList();
        return spans.Count == 0
            ? 0
            : spans.Max(at => spans.Count(span => span.Start <= at.Start && (at.Start < span.End || span == at)));
    }

    /// <summary>
    /// Business seconds of the period (Monday–Friday 09:00–18:00) in which the room held at least one meeting, the
    /// meetings' own seconds inside business hours (overlaps counted again), and the business seconds available:
    /// every second of the period is tried, none computed from interval arithmetic.
    /// </summary>
    public static (long Occupied, long MeetingTime, long Available) Utilisation(IReadOnlyCollection<SimulatedMeeting> meetings, DateOnly from, DateOnly to, DateTime now)
    {
        const int BusinessSecondsPerDay = 9 * 3600;
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(offset => from.AddDays(offset))
            .Where(day => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .ToList();
        var index = days.Select((day, position) => (day, position)).ToDictionary(pair => pair.day, pair => pair.position);
        var covered = new int[days.Count * BusinessSecondsPerDay];

        foreach (var (start, end) in meetings.Select(meeting => SpanOf(meeting, now)))
        {
            for (var second = start; second < end; second = second.AddSeconds(1))
            {
                if (index.TryGetValue(DateOnly.FromDateTime(second), out var position) && second.TimeOfDay >= TimeSpan.FromHours(9) && second.TimeOfDay < TimeSpan.FromHours(18))
                {
                    covered[position * BusinessSecondsPerDay + (int)(second.TimeOfDay - TimeSpan.FromHours(9)).TotalSeconds]++;
                }
            }
        }

        return (covered.Count(count => count > 0), covered.Sum(count => (long)count), (long)covered.Length);
    }

    /// <summary>Meeting seconds per weekday and hour, overlaps counted, only inside [from, to + 1 day).</summary>
    public static Dictionary<(DayOfWeek Day, int Hour), long> Heatmap(IEnumerable<SimulatedMeeting> meetings, DateOnly from, DateOnly to, DateTime now)
    {
        var periodStart = from.ToDateTime(TimeOnly.MinValue);
        var periodEnd = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var cells = new Dictionary<(DayOfWeek, int), long>();
        foreach (var (start, end) in meetings.Select(meeting => SpanOf(meeting, now)))
        {
            for (var second = start; second < end; second = second.AddSeconds(1))
            {
                if (second >= periodStart && second < periodEnd)
                {
                    var cell = (second.DayOfWeek, second.Hour);
                    cells[cell] = cells.GetValueOrDefault(cell) + 1;
                }
            }
        }

        return cells;
    }
}
