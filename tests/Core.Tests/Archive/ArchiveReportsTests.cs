using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Tests.Reports.Participants;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// The figures the database sums (the KPIs, each room's line, the telephony totals) and the rows it gives back (the
/// participants report) against the simulator's own records, on SQLite and on PostgreSQL: money to the fen, a
/// person counted once per room and once across rooms, whatever the provider.
/// </summary>
public abstract class ArchiveReportsTests(ArchiveServer server)
{
    /// <summary>Two months and a half, ending on the simulator's today (some meetings still running).</summary>
    private static readonly DatePeriod Spring = new(new(2025, 4, 20), new(2025, 6, 15));

    [Fact]
    public async Task The_kpis_summed_by_the_database_equal_the_services_records()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var truth = sim.Dataset.MeetingsBetween(Spring.From, Spring.To);

        var kpis = await archive.Services.GetRequiredService<IPeriodKpiService>().GetAsync(new AnalyticsFilter(Spring), progress: null, TestContext.Current.CancellationToken);

        Assert.True(kpis.Succeeded, kpis.Failure?.Describe());
        Assert.Equal(GroundTruthSums.Figures(truth), kpis.Value.Figures);
        Assert.True(truth.Any(meeting => meeting.End is null) && kpis.Value.Figures.CallCost > 0);
    }

    [Fact]
    public async Task Each_rooms_line_and_the_totals_equal_the_services_records_of_that_room()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());

        var rooms = await archive.Services.GetRequiredService<IRoomUsageReportService>().GetAsync(new RoomUsageRequest(Spring), progress: null, TestContext.Current.CancellationToken);

        Assert.True(rooms.Succeeded, rooms.Failure?.Describe());
        Assert.All(rooms.Value.Rooms, line => Assert.Equal(GroundTruthSums.Figures(sim.Dataset.MeetingsBetween(Spring.From, Spring.To, line.HostId)), line.Figures));
        Assert.Equal(GroundTruthSums.Figures(sim.Dataset.MeetingsBetween(Spring.From, Spring.To)), rooms.Value.Totals.Figures);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_rooms_peaks_utilisation_heatmap_and_meetings_per_day_read_from_the_archive_equal_those_counted_from_the_meetings_records(bool oneRoom)
    {
        await using var sim = await SharedSimulator.StartSmallAsync();

        // Part of a second past the simulator's 15:00: running meetings count to the whole second, in either count.
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), now: ArchiveHarness.SimulatorNow.AddMilliseconds(700));
        var request = new RoomUsageRequest(Spring, oneRoom ? sim.Dataset.Rooms[2].HostId : null);

        var report = await archive.Services.GetRequiredService<IRoomUsageReportService>().GetAsync(request, progress: null, TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, report.Failure?.Describe());
        await using var scope = archive.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<ArchiveReader>();
        var meetings = await reader.ReadAsync(reader.Meetings(Spring), MeetingParts.All, TestContext.Current.CancellationToken);
        var roomList = await archive.Services.GetRequiredService<IRoomDirectory>().GetRoomsAsync(TestContext.Current.CancellationToken);
        var counted = RoomUsageBuilder.Build(request, meetings, roomList, new BusinessHoursOptions(), archive.Zone);
        Assert.True(meetings.Any(meeting => meeting.IsRunning) && meetings.Any(meeting => meeting.End is { } end && archive.Zone.DayOf(end) != archive.Zone.DayOf(meeting.Start)));
        Assert.Equal(counted.Rooms, report.Value.Rooms);
        Assert.Equal(counted.Totals, report.Value.Totals);
        Assert.Equal(counted.Heatmap.Days.SelectMany(day => day.Hours), report.Value.Heatmap.Days.SelectMany(day => day.Hours));
        Assert.Equal(counted.MeetingsPerDay.Labels, report.Value.MeetingsPerDay.Labels);
        Assert.Equal(counted.MeetingsPerDay.Datasets.SelectMany(dataset => dataset.Values), report.Value.MeetingsPerDay.Datasets.SelectMany(dataset => dataset.Values));
        Assert.Equal(counted.CountedUntil, report.Value.CountedUntil);
        Assert.Contains(report.Value.Rooms, line => line.PeakConcurrentMeetings > 1 && line.Utilisation.MeetingTime > line.Utilisation.Occupied);
    }

    [Fact]
    public async Task The_telephony_report_summed_by_the_database_equals_the_one_counted_from_the_meetings_calls()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var filter = new AnalyticsFilter(Spring);

        var report = await archive.Services.GetRequiredService<ITelephonyReportService>().GetAsync(filter, revealPhoneNumbers: true, TextOrder.Invariant, progress: null, TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, report.Failure?.Describe());
        await using var scope = archive.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<ArchiveReader>();
        var meetings = await reader.ReadAsync(reader.Meetings(Spring), MeetingParts.Telephony, TestContext.Current.CancellationToken);
        var roomList = await archive.Services.GetRequiredService<IRoomDirectory>().GetRoomsAsync(TestContext.Current.CancellationToken);
        var counted = TelephonyReportBuilder.Build(filter, meetings, roomList, revealPhoneNumbers: true, archive.Zone, TextOrder.Invariant);
        Assert.Equal((counted.Totals, counted.RoomsTotal, counted.DaysTotal), (report.Value.Totals, report.Value.RoomsTotal, report.Value.DaysTotal));
        Assert.Equal(counted.ByType, report.Value.ByType);
        Assert.Equal(counted.Rooms, report.Value.Rooms);
        Assert.Equal(counted.Days, report.Value.Days);
        Assert.Equal(counted.TopNumbers, report.Value.TopNumbers);
        Assert.Equal(counted.Charts.CostPerDay.Datasets.SelectMany(dataset => dataset.Values), report.Value.Charts.CostPerDay.Datasets.SelectMany(dataset => dataset.Values));
        Assert.Equal(GroundTruthSums.Figures(sim.Dataset.MeetingsBetween(Spring.From, Spring.To)).CallCost, report.Value.Totals.Cost);
    }

    [Fact]
    public async Task The_telephony_totals_of_one_room_equal_its_phone_legs_to_the_fen()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var room = sim.Dataset.Rooms[1].HostId;
        var calls = sim.Dataset.MeetingsBetween(Spring.From, Spring.To, room).SelectMany(meeting => meeting.Telephony).ToList();

        var telephony = await archive.Services.GetRequiredService<ITelephonyReportService>().GetAsync(new AnalyticsFilter(Spring, room), revealPhoneNumbers: true, TextOrder.Invariant, progress: null, TestContext.Current.CancellationToken);

        Assert.True(telephony.Succeeded, telephony.Failure?.Describe());
        Assert.Equal((calls.Count, calls.Sum(call => call.Duration), calls.Sum(call => call.Total)), (telephony.Value.Totals.Calls, telephony.Value.Totals.Minutes, telephony.Value.Totals.Cost));
    }

    [Fact]
    public async Task The_participants_report_sums_each_name_as_the_services_records_give_it_with_meetings_still_running()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var truth = sim.Dataset.MeetingsBetween(Spring.From, Spring.To);

        var report = await archive.Services.GetRequiredService<IParticipantsReportService>().GetAsync(
            new ParticipantsRequest(Spring, null, null, ParticipantSort.Name, false, 10_000, 1, RevealPhoneNumbers: true), TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, report.Failure?.Describe());
        Assert.Equal(truth.Count, report.Value.MeetingsSummed);
        Assert.Equal(ParticipantsTruth.Lines(sim.Dataset, Spring, hostId: null), report.Value.Rows.Select(ParticipantsTruth.Describe).Order(StringComparer.Ordinal));
        Assert.Contains(report.Value.Rows, row => row.StillConnected);
    }
}

public sealed class ArchiveReportsOnSqliteTests(SqliteArchiveServer server) : ArchiveReportsTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class ArchiveReportsOnPostgreSqlTests(PostgreSqlArchiveServer server) : ArchiveReportsTests(server), IClassFixture<PostgreSqlArchiveServer>;
