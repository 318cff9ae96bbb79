using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports;

public sealed class MeetingsReportServiceTests
{
    private static readonly DatePeriod Spring = new(new(2025, 3, 20), new(2025, 5, 10));

    [Fact]
    public async Task Puts_each_rooms_name_beside_its_meetings_with_the_pages_totals_and_the_zone()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress);
        var request = new MeetingsRequest(new MeetingQuery(Spring, ShowParticipants: true, ShowTelephonyUsage: true), PageSize: 50, PageNumber: 2);
        var truth = sim.Dataset.MeetingsBetween(Spring.From, Spring.To).Skip(50).Take(50).ToList();
        var names = sim.Dataset.Rooms.ToDictionary(room => room.HostId, room => room.Name);

        var result = await core.Report.GetAsync(request, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var report = result.Value;
        Assert.Equal(truth.Select(meeting => (meeting.Uuid, names[meeting.HostId])), report.Rows.Select(row => (row.Meeting.Uuid, row.RoomName)));
        Assert.Equal(truth.Count, report.PageTotals.Meetings);
        Assert.Equal(truth.Sum(meeting => meeting.Duration), report.PageTotals.ScheduledMinutes);
        Assert.Equal(truth.Sum(meeting => meeting.Telephony.Sum(call => call.Total)), report.PageTotals.TelephonyCost);
        Assert.Equal(truth.Count(meeting => meeting.IsExtra), report.PageTotals.OverflowMeetings);
        Assert.Equal("Asia/Shanghai (UTC+08:00)", report.ZoneLabel);
        Assert.True(report.Rooms.IsKnown);
    }

    [Fact]
    public async Task Still_answers_with_host_ids_for_names_when_the_room_list_fails()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.MalformedJson, When: request => request.Path == "/umeeting/share/rooms"));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Report.GetAsync(new MeetingsRequest(new MeetingQuery(Spring), 10, 1), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.False(result.Value.Rooms.IsKnown);
        Assert.Equal(10, result.Value.Rows.Count);
        Assert.All(result.Value.Rows, row => Assert.Equal(row.Meeting.HostId, row.RoomName));
    }

    [Fact]
    public async Task Passes_the_upstreams_failure_on_instead_of_a_partial_report()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.CutShortEcho, When: request => request.Path == "/umeeting/share/detail" && request.From == new DateOnly(2025, 4, 1)));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var result = await core.Report.GetAsync(new MeetingsRequest(new MeetingQuery(Spring), 10, 1), TestContext.Current.CancellationToken);

        Assert.Equal(UpstreamFailureKind.PeriodCutShort, result.Failure?.Kind);
        Assert.Null(result.Value);
    }
}
