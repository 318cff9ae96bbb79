using System.Globalization;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Telephony;

/// <summary>
/// The telephony report of fixed past periods against the simulator's ground truth: every figure, chart and table
/// to the fen, and charts, KPIs and tables equal to one another.
/// </summary>
public sealed class TelephonyReportServiceTests(SharedSimulator fixture) : IClassFixture<SharedSimulator>
{
    /// <summary>Three month windows, before the simulator's today.</summary>
    private static readonly DatePeriod Spring = new(new(2025, 3, 20), new(2025, 5, 10));

    private RunningSimulator Sim => fixture.Simulator;

    [Fact]
    public async Task Totals_calls_minutes_and_cost_by_type_exactly_as_the_ground_truth_has_them()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var calls = GroundTruthSums.Calls(Sim.Dataset.MeetingsBetween(Spring.From, Spring.To));

        var report = await GetAsync(core, new AnalyticsFilter(Spring));

        Assert.Equal(new TelephonyTotals(calls.Count, calls.Sum(c => c.Call.Duration), calls.Sum(c => c.Call.Total)), report.Totals);
        Assert.Equal(
            ["call-in", "call-out", "callback"],
            report.ByType.Select(line => line.Type));
        Assert.All(report.ByType, line =>
        {
            var ofType = calls.Where(c => c.Call.Type == line.Type).ToList();
            Assert.Equal(new TelephonyTotals(ofType.Count, ofType.Sum(c => c.Call.Duration), ofType.Sum(c => c.Call.Total)), line.Totals);
        });
    }

    [Fact]
    public async Task Draws_cost_per_day_for_every_day_of_the_period_stacked_by_type_with_the_ground_truths_cost()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var calls = GroundTruthSums.Calls(Sim.Dataset.MeetingsBetween(Spring.From, Spring.To));
        var days = Enumerable.Range(0, Spring.Days).Select(offset => Spring.From.AddDays(offset)).ToList();

        var chart = (await GetAsync(core, new AnalyticsFilter(Spring))).Charts.CostPerDay;

        Assert.Equal(days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), chart.Labels);
        Assert.Equal(["call-in", "call-out", "callback"], chart.Datasets.Select(dataset => dataset.Name));
        Assert.All(chart.Datasets, dataset => Assert.Equal(
            days.Select(day => calls.Where(c => c.Day == day && c.Call.Type == dataset.Name).Sum(c => c.Call.Total)),
            dataset.Values));
        Assert.Contains(0m, chart.Datasets[0].Values);
    }

    [Fact]
    public async Task Draws_cost_per_day_up_to_today_when_the_period_runs_on()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var runsOn = new DatePeriod(new(2025, 6, 10), new(2025, 6, 30));

        var chart = (await GetAsync(core, new AnalyticsFilter(runsOn))).Charts.CostPerDay;

        Assert.Equal(Enumerable.Range(10, 6).Select(day => $"2025-06-{day}"), chart.Labels);
    }

    [Fact]
    public async Task Makes_every_chart_and_table_add_up_to_the_kpi_totals()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());

        var report = await GetAsync(core, new AnalyticsFilter(Spring));

        Assert.True(report.Totals.Cost > 0m);
        Assert.Equal(report.Totals.Cost, report.Charts.CostPerDay.Total);
        Assert.Equal(report.Totals.Cost, report.Charts.CostPerRoom.Total);
        Assert.Equal(report.Totals.Minutes, report.Charts.MinutesByType.Total);
        Assert.Equal(report.Totals, report.RoomsTotal);
        Assert.Equal(report.Totals, report.DaysTotal);
        Assert.Equal(report.Totals, TelephonyTotals.Sum(report.ByType.Select(line => line.Totals)));
        Assert.Equal(report.Charts.CostPerDay.Datasets.Select(dataset => dataset.Total), report.ByType.Select(line => line.Totals.Cost));
        Assert.Equal(report.Days.Select(line => line.Totals.Cost), Enumerable.Range(0, report.Days.Count).Select(day => report.Charts.CostPerDay.Datasets.Sum(dataset => dataset.Values[day])));
    }

    [Fact]
    public async Task Lists_each_room_by_name_with_its_meetings_and_phone_cost_most_costly_first()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(Spring.From, Spring.To);
        var names = Sim.Dataset.Rooms.ToDictionary(room => room.HostId, room => room.Name);
        var expected = truth.GroupBy(meeting => meeting.HostId)
            .Select(room => new TelephonyRoomLine(
                room.Key,
                names[room.Key],
                room.Count(),
                new TelephonyTotals(room.Sum(m => m.Telephony.Count), room.Sum(m => m.Telephony.Sum(c => c.Duration)), room.Sum(m => m.Telephony.Sum(c => c.Total)))))
            .OrderByDescending(line => line.Totals.Cost)
            .ThenBy(line => line.RoomName, StringComparer.Ordinal)
            .ToList();

        var report = await GetAsync(core, new AnalyticsFilter(Spring));

        Assert.Equal(expected, report.Rooms);
        Assert.Equal(expected.Select(line => line.RoomName), report.Charts.CostPerRoom.Labels);
        Assert.Equal(expected.Select(line => line.Totals.Cost), report.Charts.CostPerRoom.Datasets.Single().Values);
        Assert.True(report.RoomNamesKnown);
    }

    [Fact]
    public async Task Lists_each_day_with_its_calls_minutes_and_cost()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var calls = GroundTruthSums.Calls(Sim.Dataset.MeetingsBetween(Spring.From, Spring.To));

        var report = await GetAsync(core, new AnalyticsFilter(Spring));

        Assert.Equal(
            Enumerable.Range(0, Spring.Days).Select(offset => Spring.From.AddDays(offset)).Select(day =>
            {
                var ofDay = calls.Where(c => c.Day == day).ToList();
                return new TelephonyDayLine(day, new TelephonyTotals(ofDay.Count, ofDay.Sum(c => c.Call.Duration), ofDay.Sum(c => c.Call.Total)));
            }),
            report.Days);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ranks_the_ten_numbers_that_cost_most_masked_unless_numbers_may_be_revealed(bool reveal)
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var calls = GroundTruthSums.Calls(Sim.Dataset.MeetingsBetween(Spring.From, Spring.To));
        var expected = calls.GroupBy(c => c.Call.PhoneNumber, StringComparer.Ordinal)
            .Select(number => (Number: number.Key, Calls: number.Count(), Minutes: number.Sum(c => c.Call.Duration), Cost: number.Sum(c => c.Call.Total)))
            .OrderByDescending(number => number.Cost).ThenByDescending(number => number.Minutes).ThenBy(number => number.Number, StringComparer.Ordinal)
            .Take(10)
            .ToList();

        var report = await GetAsync(core, new AnalyticsFilter(Spring), reveal);

        Assert.Equal(
            expected.Select(number => new PhoneNumberLine(reveal ? number.Number : PhoneNumberMask.Mask(number.Number), new TelephonyTotals(number.Calls, number.Minutes, number.Cost))),
            report.TopNumbers);
        Assert.Equal(report.TopNumbers.Select(line => line.PhoneNumber), report.Charts.TopNumbers.Labels);
        Assert.Equal(report.TopNumbers.Select(line => line.Totals.Cost), report.Charts.TopNumbers.Datasets.Single().Values);
        Assert.Equal(reveal, report.PhoneNumbersRevealed);
        var wholeNumbers = calls.Select(c => c.Call.PhoneNumber).ToHashSet();
        Assert.Equal(reveal ? 10 : 0, report.TopNumbers.Count(line => wholeNumbers.Contains(line.PhoneNumber)));
    }

    [Fact]
    public async Task Counts_only_the_chosen_rooms_calls_when_filtered_by_host()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var room = Sim.Dataset.Rooms[5];
        var calls = GroundTruthSums.Calls(Sim.Dataset.MeetingsBetween(Spring.From, Spring.To, room.HostId));

        var report = await GetAsync(core, new AnalyticsFilter(Spring, room.HostId));

        Assert.Equal(new TelephonyTotals(calls.Count, calls.Sum(c => c.Call.Duration), calls.Sum(c => c.Call.Total)), report.Totals);
        Assert.Equal(room.Name, Assert.Single(report.Rooms).RoomName);
        Assert.Equal(report.Totals.Cost, report.Charts.CostPerDay.Total);
    }

    [Fact]
    public async Task Gives_the_failure_naming_the_missing_window_and_no_totals_when_one_window_fails()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.CutShortEcho, When: request => request.Path == "/umeeting/share/detail" && request.From == new DateOnly(2025, 5, 1)));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Telephony().GetAsync(new AnalyticsFilter(Spring), revealPhoneNumbers: true, TextOrder.Invariant, progress: null, TestContext.Current.CancellationToken);

        Assert.Null(result.Value);
        Assert.Equal(UpstreamFailureKind.PeriodCutShort, result.Failure?.Kind);
        Assert.Equal(new DatePeriod(new(2025, 5, 1), new(2025, 5, 10)), result.Failure?.Window);
    }

    private static async Task<TelephonyReport> GetAsync(CoreHarness core, AnalyticsFilter filter, bool reveal = false)
    {
        var result = await core.Telephony().GetAsync(filter, reveal, TextOrder.Invariant, progress: null, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Failure?.Describe());
        return result.Value;
    }
}
