using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

/// <summary>KPIs of whole periods, checked against sums taken straight from the simulator's ground truth.</summary>
public sealed class PeriodKpiServiceTests(SharedSimulator fixture) : IClassFixture<SharedSimulator>
{
    /// <summary>Four month windows, all before the simulator's today.</summary>
    private static readonly DatePeriod Spring = new(new(2025, 2, 20), new(2025, 5, 10));

    /// <summary>Ends on the simulator's today, when some meetings are still running.</summary>
    private static readonly DatePeriod UpToToday = new(new(2025, 6, 1), new(2025, 6, 15));

    private RunningSimulator Sim => fixture.Simulator;

    [Fact]
    public async Task Counts_every_kpi_of_a_four_window_period_exactly_as_the_ground_truth_sums_it()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(Spring.From, Spring.To);

        var result = await core.Kpis().GetAsync(new AnalyticsFilter(Spring), progress: null, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var expected = GroundTruthSums.Figures(truth);
        Assert.True(expected.OverflowMeetings > 0 && expected.Calls > 0 && expected.ParticipantRows > expected.Attendees && expected.Attendees > expected.DistinctNames);
        Assert.Equal(expected, result.Value.Figures);
        Assert.Equal(new Share(expected.OverflowMeetings, truth.Count), result.Value.Figures.OverflowShare);
        Assert.Equal((decimal)expected.OverflowMeetings / truth.Count, result.Value.Figures.OverflowShare.Ratio);
    }

    [Fact]
    public async Task Counts_running_meetings_apart_and_leaves_them_out_of_the_actual_minutes()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(UpToToday.From, UpToToday.To);
        var running = truth.Count(meeting => meeting.End is null);

        var result = await core.Kpis().GetAsync(new AnalyticsFilter(UpToToday), progress: null, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.True(running >= 2);
        Assert.Equal(running, result.Value.Figures.RunningMeetings);
        Assert.Equal(truth.Where(meeting => meeting.End is not null).Sum(meeting => (int)(meeting.End!.Value - meeting.Start).TotalMinutes), result.Value.Figures.ActualMinutes);
        Assert.Equal(GroundTruthSums.Figures(truth), result.Value.Figures);
    }

    [Fact]
    public async Task Counts_only_the_chosen_rooms_meetings_when_filtered_by_host()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var room = Sim.Dataset.Rooms[3].HostId;
        var truth = Sim.Dataset.MeetingsBetween(Spring.From, Spring.To, room);

        var result = await core.Kpis().GetAsync(new AnalyticsFilter(Spring, room), progress: null, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal(GroundTruthSums.Figures(truth), result.Value.Figures);
        Assert.True(result.Value.Figures.Meetings < Sim.Dataset.MeetingsBetween(Spring.From, Spring.To).Count);
    }

    [Fact]
    public async Task Compares_the_whole_accounts_peak_of_meetings_at_once_with_the_licences_whatever_the_room()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(UpToToday.From, UpToToday.To);
        var peak = RoomUsage.RoomUsageReportServiceTests.PeakByPairs(truth, Sim.Dataset.Now);
        var room = Sim.Dataset.Rooms[3].HostId;

        var lacking = await core.Kpis(licences: (peak - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .GetAsync(new AnalyticsFilter(UpToToday, room), progress: null, TestContext.Current.CancellationToken);
        var enough = await core.Kpis(licences: peak.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .GetAsync(new AnalyticsFilter(UpToToday), progress: null, TestContext.Current.CancellationToken);

        Assert.True(peak > 2, $"The period needs several meetings at once; its peak is {peak}.");
        Assert.Equal((peak, peak - 1, 1, true), (lacking.Value!.Licences!.PeakConcurrentMeetings, lacking.Value.Licences.Licences, lacking.Value.Licences.Lacking, lacking.Value.Licences.MoreNeeded));
        Assert.Equal((peak, peak, 0, false), (enough.Value!.Licences!.PeakConcurrentMeetings, enough.Value.Licences.Licences, enough.Value.Licences.Lacking, enough.Value.Licences.MoreNeeded));
    }

    [Fact]
    public async Task Gives_no_licence_comparison_when_the_licences_are_not_configured()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());

        var result = await core.Kpis().GetAsync(new AnalyticsFilter(UpToToday), progress: null, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Null(result.Value.Licences);
    }

    [Fact]
    public async Task Agrees_with_the_meetings_tables_totals_for_the_same_meetings()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var filter = new AnalyticsFilter(UpToToday);
        var all = await core.Reader.GetAllAsync(new MeetingQuery(UpToToday, ShowParticipants: true, ShowTelephonyUsage: true), null, TestContext.Current.CancellationToken);
        var table = MeetingTotals.From(all.Value!);

        var result = await core.Kpis().GetAsync(filter, progress: null, TestContext.Current.CancellationToken);

        var kpis = result.Value!.Figures;
        Assert.Equal(
            new MeetingTotals(kpis.Meetings, kpis.ScheduledMinutes, kpis.ActualMinutes, kpis.RunningMeetings, kpis.OverflowMeetings, kpis.Attendees, kpis.CallMinutes, kpis.CallCost),
            table);
    }

    [Fact]
    public async Task Reports_gathering_progress_through_to_every_window_and_page_done()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var progress = new ProgressLog();

        var result = await core.Kpis().GetAsync(new AnalyticsFilter(Spring), progress, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var last = progress.Reports[^1];
        Assert.Equal((4, 4), (last.WindowsDone, last.WindowsTotal));
        Assert.Equal(last.PagesTotal, last.PagesDone);
        // The archive reads the period's months whole: February to May.
        Assert.Equal(Sim.Dataset.MeetingsBetween(new(2025, 2, 1), new(2025, 5, 31)).Count, last.Meetings);
        Assert.True(progress.Reports.Count > 4);
    }

    [Fact]
    public async Task Gives_the_failure_naming_the_missing_window_and_no_figures_when_one_window_fails()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        var april = new DatePeriod(new(2025, 4, 1), new(2025, 4, 30));
        sim.Faults.Add(new FaultRule(FaultKind.Rejected, When: request => request.Path == "/umeeting/share/detail" && request.From == april.From, Message: "quota exceeded"));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Kpis().GetAsync(new AnalyticsFilter(new(new(2025, 3, 20), new(2025, 5, 10))), progress: null, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal(april, result.Failure.Window);
        Assert.Contains("2025-04-01..2025-04-30", result.Failure.Describe(), StringComparison.Ordinal);
        Assert.Contains("quota exceeded", result.Failure.Describe(), StringComparison.Ordinal);
    }
}
