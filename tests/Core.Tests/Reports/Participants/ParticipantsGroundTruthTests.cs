using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Tests.Reports.MeetingDetail;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Data;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Participants;

/// <summary>The participants report over real HTTP equals a computation made directly from the simulator's records.</summary>
public sealed class ParticipantsGroundTruthTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private RunningSimulator Sim => shared.Simulator;

    [Fact]
    public async Task Sums_every_name_of_a_month_exactly_as_the_simulator_holds_it()
    {
        var may = new DatePeriod(new(2025, 5, 1), new(2025, 5, 31));
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: new FakeTimeProvider(DrillDown.SimulatorNow));

        var report = await AllRowsAsync(core, new ParticipantsRequest(may, null, null, ParticipantSort.Name, false, 10_000, 1));

        var expected = ParticipantsTruth.Lines(Sim.Dataset, may, hostId: null);
        Assert.Equal(Sim.Dataset.MeetingsBetween(may.From, may.To).Count, report.MeetingsSummed);
        Assert.Equal(expected.Count, report.TotalRecord);
        Assert.Equal(expected, report.Rows.Select(ParticipantsTruth.Describe).Order(StringComparer.Ordinal));
        Assert.Contains(report.Rows, row => SimulatorHostileValues.ParticipantNames.Contains(row.Name));
    }

    [Fact]
    public async Task Sums_one_room_up_to_now_with_people_still_connected_as_the_simulator_holds_it()
    {
        var june = new DatePeriod(new(2025, 6, 1), new(2025, 6, 15));
        var running = Sim.Dataset.MeetingsBetween(june.To, june.To).First(meeting => meeting.End is null && meeting.Participants.Any(row => row.LeaveTime is null));
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: new FakeTimeProvider(DrillDown.SimulatorNow));

        var report = await AllRowsAsync(core, new ParticipantsRequest(june, running.HostId, null, ParticipantSort.Name, false, 10_000, 1));

        Assert.Equal(ParticipantsTruth.Lines(Sim.Dataset, june, running.HostId), report.Rows.Select(ParticipantsTruth.Describe).Order(StringComparer.Ordinal));
        Assert.Equal(Sim.Dataset.MeetingsBetween(june.From, june.To, running.HostId).Count, report.MeetingsSummed);
        Assert.Contains(report.Rows, row => row.StillConnected);
    }

    [Fact]
    public async Task Gives_the_second_page_of_the_longest_connected_people_of_a_month()
    {
        var april = new DatePeriod(new(2025, 4, 1), new(2025, 4, 30));
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: new FakeTimeProvider(DrillDown.SimulatorNow));

        var report = await AllRowsAsync(core, new ParticipantsRequest(april, null, null, ParticipantSort.ConnectedTime, true, 10, 2));

        var expected = ParticipantsTruth.Totals(Sim.Dataset, april, hostId: null)
            .OrderByDescending(person => person.Value.Connected)
            .ThenBy(person => person.Key, StringComparer.InvariantCulture)
            .ThenBy(person => person.Key, StringComparer.Ordinal)
            .Skip(10).Take(10)
            .Select(person => (person.Key, person.Value.Connected));
        Assert.Equal(expected, report.Rows.Select(row => (row.Name, row.ConnectedTime)));
        Assert.Equal(11, report.FirstRecord);
    }

    private static async Task<ParticipantsReport> AllRowsAsync(Support.CoreHarness core, ParticipantsRequest request)
    {
        var result = await core.ParticipantsService().GetAsync(request, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Failure?.Describe());
        return result.Value;
    }

}
