using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.RoomUsage;

/// <summary>
/// Room usage of fixed periods against the simulator's ground truth. Times are measured here second by second on
/// the simulator's own wall-clock records, sharing no interval arithmetic with Core.
/// </summary>
public sealed class RoomUsageReportServiceTests(SharedSimulator fixture) : IClassFixture<SharedSimulator>
{
    /// <summary>Monday 2025-04-28 to Sunday 2025-05-11: two weeks with two weekends, all before the simulator's today.</summary>
    private static readonly DatePeriod TwoWeeks = new(new(2025, 4, 28), new(2025, 5, 11));

    private static readonly TimeOnly Opening = new(9, 0);

    private static readonly TimeOnly Closing = new(18, 0);

    private RunningSimulator Sim => fixture.Simulator;

    [Fact]
    public async Task Gives_each_room_its_ground_truth_figures_under_its_name_and_the_totals_of_all()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(TwoWeeks.From, TwoWeeks.To);

        var report = await GetAsync(core, new RoomUsageRequest(TwoWeeks));

        Assert.Equal(Sim.Dataset.Rooms.Select(room => (room.HostId, room.Name)).Order(), report.Rooms.Select(line => (line.HostId, line.RoomName)).Order());
        Assert.Equal(report.Rooms.Select(line => line.Utilisation.Ratio).OrderDescending(), report.Rooms.Select(line => line.Utilisation.Ratio));
        Assert.All(report.Rooms, line => Assert.Equal(GroundTruthSums.Figures([.. truth.Where(meeting => meeting.HostId == line.HostId)]), line.Figures));
        Assert.Equal(GroundTruthSums.Figures(truth), report.Totals.Figures);
        Assert.Equal(report.Totals.Figures.Meetings, report.Rooms.Sum(line => line.Figures.Meetings));
        Assert.Equal(report.Totals.Figures.CallCost, report.Rooms.Sum(line => line.Figures.CallCost));
        Assert.Equal(report.Totals.Figures.ActualMinutes, report.Rooms.Sum(line => line.Figures.ActualMinutes));
        Assert.True(report.RoomNamesKnown);
    }

    [Fact]
    public async Task Measures_each_rooms_time_inside_business_hours_to_the_second_against_ten_business_days()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(TwoWeeks.From, TwoWeeks.To);

        var report = await GetAsync(core, new RoomUsageRequest(TwoWeeks));

        Assert.All(report.Rooms, line =>
        {
            var (occupied, meetingTime) = BusinessSeconds([.. truth.Where(meeting => meeting.HostId == line.HostId)], TwoWeeks, Sim.Dataset.Now);
            Assert.Equal(new Utilisation(TimeSpan.FromSeconds(occupied), TimeSpan.FromSeconds(meetingTime), TimeSpan.FromHours(10 * 9)), line.Utilisation);
        });
        Assert.Contains(report.Rooms, line => line.Utilisation.MeetingTime > line.Utilisation.Occupied);
        Assert.Equal(TimeSpan.FromHours(10 * 9 * Sim.Dataset.Rooms.Count), report.Totals.Utilisation.Available);
        Assert.Equal(report.Rooms.Aggregate(TimeSpan.Zero, (sum, line) => sum + line.Utilisation.Occupied), report.Totals.Utilisation.Occupied);
    }

    [Fact]
    public async Task Finds_each_rooms_peak_of_concurrent_meetings_and_the_accounts()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(TwoWeeks.From, TwoWeeks.To);

        var report = await GetAsync(core, new RoomUsageRequest(TwoWeeks));

        Assert.Equal(
            report.Rooms.Select(line => PeakByPairs([.. truth.Where(meeting => meeting.HostId == line.HostId)], Sim.Dataset.Now)),
            report.Rooms.Select(line => line.PeakConcurrentMeetings));
        Assert.Contains(report.Rooms, line => line.PeakConcurrentMeetings > 1);
        Assert.Equal(PeakByPairs(truth, Sim.Dataset.Now), report.Totals.PeakConcurrentMeetings);
    }

    [Fact]
    public async Task Fills_every_weekday_hour_cell_with_the_meeting_time_held_in_it_for_all_rooms()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(TwoWeeks.From, TwoWeeks.To);

        var report = await GetAsync(core, new RoomUsageRequest(TwoWeeks));

        var expected = HeatmapSeconds(truth, TwoWeeks, Sim.Dataset.Now);
        Assert.Null(report.Heatmap.HostId);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday],
            report.Heatmap.Days.Select(day => day.Day));
        Assert.All(report.Heatmap.Days, day => Assert.Equal(
            Enumerable.Range(0, 24).Select(hour => TimeSpan.FromSeconds(expected[(int)day.Day, hour])),
            day.Hours));
        Assert.True(Cell(report, DayOfWeek.Tuesday, 10) > Cell(report, DayOfWeek.Saturday, 10));
    }

    [Fact]
    public async Task Counts_the_chosen_rooms_meetings_per_day_regular_and_overflow_for_every_day()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var room = Sim.Dataset.Rooms[2].HostId;
        var truth = Sim.Dataset.MeetingsBetween(TwoWeeks.From, TwoWeeks.To, room);
        var days = Enumerable.Range(0, TwoWeeks.Days).Select(offset => TwoWeeks.From.AddDays(offset)).ToList();

        var report = await GetAsync(core, new RoomUsageRequest(TwoWeeks, room));

        var chart = report.MeetingsPerDay;
        Assert.Equal(14, chart.Labels.Count);
        Assert.Equal(days.Select(day => (decimal)truth.Count(m => !m.IsExtra && DateOnly.FromDateTime(m.Start) == day)), chart.Datasets.Single(d => d.Name == SeriesNames.RegularMeetings).Values);
        Assert.Equal(days.Select(day => (decimal)truth.Count(m => m.IsExtra && DateOnly.FromDateTime(m.Start) == day)), chart.Datasets.Single(d => d.Name == SeriesNames.OverflowMeetings).Values);
        Assert.Equal(report.Rooms.Single(line => line.HostId == room).Figures.Meetings, chart.Total);
        Assert.Equal(room, report.Heatmap.HostId);
        Assert.Equal(TimeSpan.FromSeconds(HeatmapSeconds(truth, TwoWeeks, Sim.Dataset.Now).Cast<long>().Sum()), report.Heatmap.Total);
        Assert.Equal(Sim.Dataset.Rooms.Count, report.Rooms.Count);
    }

    [Fact]
    public async Task Counts_meetings_still_running_until_now_and_business_time_only_until_now()
    {
        var wednesday = new DateOnly(2025, 6, 11);
        await using var sim = await SharedSimulator.StartSmallAsync(options => options.Today = wednesday);
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(new DateTimeOffset(2025, 6, 11, 7, 0, 0, TimeSpan.Zero)));
        var period = new DatePeriod(new(2025, 6, 9), wednesday);
        var truth = sim.Dataset.MeetingsBetween(period.From, period.To);
        Assert.Contains(truth, meeting => meeting.End is null);

        var report = await GetAsync(core, new RoomUsageRequest(period));

        Assert.All(report.Rooms, line =>
        {
            var (occupied, meetingTime) = BusinessSeconds([.. truth.Where(meeting => meeting.HostId == line.HostId)], period, sim.Dataset.Now);
            Assert.Equal(new Utilisation(TimeSpan.FromSeconds(occupied), TimeSpan.FromSeconds(meetingTime), TimeSpan.FromHours(2 * 9 + 6)), line.Utilisation);
        });
        Assert.Equal(TimeSpan.FromSeconds(HeatmapSeconds(truth, period, sim.Dataset.Now).Cast<long>().Sum()), report.Heatmap.Total);
        Assert.Equal(truth.Count(meeting => meeting.End is null), report.Totals.Figures.RunningMeetings);
    }

    [Fact]
    public async Task Gives_the_failure_naming_the_missing_window_and_no_table_when_one_window_fails()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.MalformedJson, When: request => request.Path == "/umeeting/share/detail" && request.From == new DateOnly(2025, 4, 1)));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.RoomUsage().GetAsync(new RoomUsageRequest(new(new(2025, 3, 20), new(2025, 5, 10))), progress: null, TestContext.Current.CancellationToken);

        Assert.Null(result.Value);
        Assert.Equal(UpstreamFailureKind.Unreachable, result.Failure?.Kind);
        Assert.Equal(new DatePeriod(new(2025, 4, 1), new(2025, 4, 30)), result.Failure?.Window);
    }

    private static async Task<RoomUsageReport> GetAsync(CoreHarness core, RoomUsageRequest request)
    {
        var result = await core.RoomUsage().GetAsync(request, progress: null, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Failure?.Describe());
        return result.Value;
    }

    private static TimeSpan Cell(RoomUsageReport report, DayOfWeek day, int hour) => report.Heatmap.Days.Single(row => row.Day == day).Hours[hour];

    /// <summary>
    /// Seconds inside Monday–Friday 09:00–18:00 (and before <paramref name="now"/>) when the room held a meeting, and
    /// the sum of each meeting's own seconds there, marked one second at a time.
    /// </summary>
    private static (long Occupied, long MeetingTime) BusinessSeconds(IReadOnlyList<SimulatedMeeting> meetings, DatePeriod period, DateTime now)
    {
        long occupied = 0, meetingTime = 0;
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var opening = day.ToDateTime(Opening);
            var taken = new bool[(int)(Closing - Opening).TotalSeconds];
            foreach (var meeting in meetings)
            {
                var end = meeting.End ?? now;

                // Only the seconds the meeting could touch are visited; each is still checked on its own.
                var first = (int)Math.Clamp((meeting.Start - opening).TotalSeconds, 0, taken.Length);
                var last = (int)Math.Clamp((end - opening).TotalSeconds, 0, taken.Length);
                for (var second = first; second < last; second++)
                {
                    var moment = opening.AddSeconds(second);
                    if (moment >= meeting.Start && moment < end && moment < now)
                    {
                        meetingTime++;
                        occupied += taken[second] ? 0 : 1;
                        taken[second] = true;
                    }
                }
            }
        }

        return (occupied, meetingTime);
    }

    /// <summary>Each meeting's seconds inside the period (and before now), counted into [weekday, hour] one second at a time.</summary>
    private static long[,] HeatmapSeconds(IEnumerable<SimulatedMeeting> meetings, DatePeriod period, DateTime now)
    {
        var cells = new long[7, 24];
        var periodEnd = period.To.AddDays(1).ToDateTime(TimeOnly.MinValue);
        foreach (var meeting in meetings)
        {
            var end = meeting.End ?? now;
            for (var moment = meeting.Start; moment < end && moment < periodEnd && moment < now; moment = moment.AddSeconds(1))
            {
                cells[(int)moment.DayOfWeek, moment.Hour]++;
            }
        }

        return cells;
    }

    /// <summary>The most meetings at once, by pairs: for each meeting, itself and those that started no later and had not ended when it started.</summary>
    internal static int PeakByPairs(IReadOnlyList<SimulatedMeeting> meetings, DateTime now) =>
        meetings.Count == 0
            ? 0
            : meetings.Max(meeting => 1 + meetings.Count(other => !ReferenceEquals(other, meeting) && other.Start <= meeting.Start && (other.End ?? now) > meeting.Start));
}
