using System.Globalization;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.MeetingDetail;

/// <summary>The meeting page's figures for sampled records equal what the simulator holds, over real HTTP.</summary>
public sealed class MeetingDetailGroundTruthTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private RunningSimulator Sim => shared.Simulator;

    private static readonly string[] SampleNames = ["uuid with a plus", "uuid with a slash", "a rejoin", "overlapping rows", "still running", "several calls", "hostile name"];

    public static TheoryData<string> Samples => new(SampleNames);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Shows_exactly_what_the_simulator_holds_for_a_sampled_meeting(string sample)
    {
        var truth = Pick(sample);
        Sim.Requests.Clear();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: new FakeTimeProvider(DrillDown.SimulatorNow));

        var result = await core.DetailService().GetAsync(truth.Uuid, period: null, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        var report = Assert.IsType<MeetingDetailFound>(result).Report;
        Assert.Equal(GroundTruth.Line(truth, participants: true, telephony: true), GroundTruth.Line(report.Meeting));
        Assert.Equal(Sim.Dataset.Rooms.Single(room => room.HostId == truth.HostId).Name, report.RoomName);
        Assert.Equal(ExpectedPeople(truth), report.People.Select(Describe));
        Assert.Equal(ExpectedPeak(truth), report.Peak is { } peak ? $"{peak.Participants} at {Time(peak.At)} until {Time(peak.Until)}" : "none");
        Assert.Equal(truth.Telephony.Count, report.Telephony.TotalCalls);
        Assert.Equal(truth.Telephony.Sum(call => call.Duration), report.Telephony.TotalMinutes);
        Assert.Equal(truth.Telephony.Sum(call => call.Total), report.Telephony.TotalCost);
        Assert.Equal(Attach(IndependentTruth.Until(truth, Sim.Dataset)), report.MeasuredUntil);
        Assert.Empty(report.DataWarnings);

        // Searching back stops at the record's month: the archive reads each month from June back to it, no older one.
        var months = ((2025 - truth.Start.Year) * 12) + 6 - truth.Start.Month + 1;
        Assert.Equal(months, result.PeriodsSearched.Count);
        Assert.True(report.FoundIn.Contains(DateOnly.FromDateTime(truth.Start)));
        var monthsRead = Sim.Requests.Snapshot().Where(request => request.Path == "/umeeting/share/detail").Select(request => request.From).Distinct().ToList();
        Assert.Equal(months, monthsRead.Count);
        Assert.All(monthsRead, from => Assert.True(from >= new DateOnly(truth.Start.Year, truth.Start.Month, 1)));
    }

    [Fact]
    public void Samples_record_ids_with_every_base64_character_that_needs_encoding()
    {
        var uuids = SampleNames.Select(sample => Pick(sample).Uuid).ToList();

        Assert.Contains(uuids, uuid => uuid.Contains('+', StringComparison.Ordinal));
        Assert.Contains(uuids, uuid => uuid.Contains('/', StringComparison.Ordinal));
        Assert.All(uuids, uuid => Assert.EndsWith("==", uuid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Finds_a_record_in_the_period_given_and_masks_its_numbers_for_a_viewer()
    {
        var truth = Pick("several calls");
        var month = new DatePeriod(new(truth.Start.Year, truth.Start.Month, 1), new(truth.Start.Year, truth.Start.Month, DateTime.DaysInMonth(truth.Start.Year, truth.Start.Month)));
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: new FakeTimeProvider(DrillDown.SimulatorNow));

        var result = await core.DetailService().GetAsync(truth.Uuid, month, revealPhoneNumbers: false, TestContext.Current.CancellationToken);

        var report = Assert.IsType<MeetingDetailFound>(result).Report;
        Assert.Equal([month], result.PeriodsSearched);
        Assert.Equal(truth.Telephony.Select(call => PhoneNumberMask.Mask(call.PhoneNumber)), report.Telephony.Calls.Select(call => call.PhoneNumber));
        Assert.All(truth.Telephony, call => Assert.DoesNotContain(report.Telephony.Calls, shown => shown.PhoneNumber.Contains(call.PhoneNumber[^8..], StringComparison.Ordinal)));
        Assert.Equal(truth.Telephony.Sum(call => call.Total), report.Telephony.TotalCost);
    }

    [Fact]
    public async Task Names_the_record_and_the_thirteen_months_searched_when_no_record_has_the_id()
    {
        Sim.Requests.Clear();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: new FakeTimeProvider(DrillDown.SimulatorNow));

        var result = await core.DetailService().GetAsync("no+such/record==", period: null, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        var notFound = Assert.IsType<MeetingDetailNotFound>(result);
        Assert.Equal("no+such/record==", notFound.Uuid);
        Assert.Equal(MeetingDetailSearch.WindowsBack(new DateOnly(2025, 6, 15)), notFound.PeriodsSearched);
        Assert.Equal(new DatePeriod(new(2024, 6, 1), new(2024, 6, 30)), notFound.PeriodsSearched[^1]);
        Assert.Equal(13, Sim.Requests.Snapshot().Where(request => request.Path == "/umeeting/share/detail").Select(request => request.From).Distinct().Count());
    }

    [Fact]
    public async Task Does_not_read_further_back_than_thirteen_months_but_finds_an_older_record_in_its_own_period_and_then_in_the_archive()
    {
        var old = Sim.Dataset.MeetingsBetween(new(2024, 5, 20), new(2024, 5, 25))[0];
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: new FakeTimeProvider(DrillDown.SimulatorNow));

        var searchedBack = await core.DetailService().GetAsync(old.Uuid, period: null, revealPhoneNumbers: true, TestContext.Current.CancellationToken);
        var inItsPeriod = await core.DetailService().GetAsync(old.Uuid, new DatePeriod(new(2024, 5, 20), new(2024, 5, 25)), revealPhoneNumbers: true, TestContext.Current.CancellationToken);
        Sim.Requests.Clear();
        var bookmarked = await core.DetailService().GetAsync(old.Uuid, period: null, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        Assert.IsType<MeetingDetailNotFound>(searchedBack);
        Assert.Equal(old.Uuid, Assert.IsType<MeetingDetailFound>(inItsPeriod).Report.Meeting.Uuid);
        var found = Assert.IsType<MeetingDetailFound>(bookmarked);
        Assert.Equal((old.Uuid, new DatePeriod(new(2024, 5, 1), new(2024, 5, 31))), (found.Report.Meeting.Uuid, found.Report.FoundIn));
        Assert.DoesNotContain(Sim.Requests.Snapshot(), request => request.Path == "/umeeting/share/detail");
    }

    [Fact]
    public async Task Passes_on_the_failure_of_the_month_the_upstream_cut_short()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.CutShortEcho, When: request => request.Path == "/umeeting/share/detail" && request.From == new DateOnly(2025, 5, 1)));
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(DrillDown.SimulatorNow));

        var result = await core.DetailService().GetAsync("not+here/either==", period: null, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        var failed = Assert.IsType<MeetingDetailFailed>(result);
        Assert.Equal(UpstreamFailureKind.PeriodCutShort, failed.Failure.Kind);
        Assert.Equal(new DatePeriod(new(2025, 5, 1), new(2025, 5, 31)), failed.Failure.Window);
        Assert.Equal(2, failed.PeriodsSearched.Count);
    }

    private SimulatedMeeting Pick(string sample)
    {
        var dataset = Sim.Dataset;
        IEnumerable<SimulatedMeeting> Month(int year, int month) =>
            dataset.MeetingsBetween(new(year, month, 1), new(year, month, DateTime.DaysInMonth(year, month))).Where(meeting => meeting.Participants.Count >= 3);

        static bool Rejoins(SimulatedMeeting meeting) =>
            meeting.Participants.GroupBy(row => row.Name).Any(rows => rows.Count() > 1);

        static bool Overlaps(SimulatedMeeting meeting) =>
            meeting.Participants.GroupBy(row => row.Name).Any(rows => rows.Any(a => rows.Any(b => !ReferenceEquals(a, b) && a.JoinTime < b.JoinTime && b.JoinTime < (a.LeaveTime ?? DateTime.MaxValue))));

        return sample switch
        {
            "uuid with a plus" => Month(2025, 3).First(meeting => meeting.Uuid.Contains('+', StringComparison.Ordinal)),
            "uuid with a slash" => Month(2025, 1).First(meeting => meeting.Uuid.Contains('/', StringComparison.Ordinal)),
            "a rejoin" => Month(2025, 5).First(meeting => Rejoins(meeting) && !Overlaps(meeting)),
            "overlapping rows" => Month(2025, 4).First(Overlaps),
            "still running" => dataset.MeetingsBetween(new(2025, 6, 15), new(2025, 6, 15)).First(meeting => meeting.End is null && meeting.Participants.Any(row => row.LeaveTime is null)),
            "several calls" => Month(2025, 2).First(meeting => meeting.Telephony.Count >= 2),
            "hostile name" => Month(2024, 12).First(meeting => meeting.Participants.Any(row => SimulatorHostileValues.ParticipantNames.Contains(row.Name))),
            _ => throw new ArgumentOutOfRangeException(nameof(sample), sample, "No such sample."),
        };
    }

    private IEnumerable<string> ExpectedPeople(SimulatedMeeting meeting)
    {
        var length = IndependentTruth.Until(meeting, Sim.Dataset) - meeting.Start;
        return IndependentTruth.Rows(meeting, Sim.Dataset)
            .GroupBy(row => row.Name, StringComparer.Ordinal)
            .OrderBy(rows => rows.Min(row => row.Join))
            .ThenBy(rows => rows.Key, StringComparer.Ordinal)
            .Select(rows =>
            {
                var connected = IndependentTruth.Covered(rows);
                var lastLeave = rows.Any(row => row.Open) ? "connected" : Time(Attach(rows.Max(row => row.End)));
                return Line(rows.Key, rows.Count(), Time(Attach(rows.Min(row => row.Join))), lastLeave, connected, connected / length);
            });
    }

    private string ExpectedPeak(SimulatedMeeting meeting) =>
        IndependentTruth.Peak(IndependentTruth.Rows(meeting, Sim.Dataset)) is { } peak
            ? $"{peak.People} at {Time(Attach(peak.At))} until {Time(Attach(peak.Until))}"
            : "none";

    private static string Describe(PersonAttendance person) => Line(
        person.Name,
        person.Sessions,
        Time(person.FirstJoin),
        person.LastLeave is { } leave ? Time(leave) : "connected",
        person.ConnectedTime,
        person.ShareOfMeeting!.Value);

    private static string Line(string name, int sessions, string firstJoin, string lastLeave, TimeSpan connected, double share) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} | {sessions} | {firstJoin} | {lastLeave} | {connected} | {share:F6}");

    private static DateTimeOffset Attach(DateTime wallClock) => new(wallClock, GroundTruth.Shanghai.GetUtcOffset(wallClock));

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
