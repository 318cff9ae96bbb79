using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Tests.Reports.Analytics;
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

    [Fact]
    public async Task The_telephony_totals_of_one_room_equal_its_phone_legs_to_the_fen()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var room = sim.Dataset.Rooms[1].HostId;
        var calls = sim.Dataset.MeetingsBetween(Spring.From, Spring.To, room).SelectMany(meeting => meeting.Telephony).ToList();

        var telephony = await archive.Services.GetRequiredService<ITelephonyReportService>().GetAsync(new AnalyticsFilter(Spring, room), revealPhoneNumbers: true, progress: null, TestContext.Current.CancellationToken);

        Assert.True(telephony.Succeeded, telephony.Failure?.Describe());
        Assert.Equal((calls.Count, calls.Sum(call => call.Duration), calls.Sum(call => call.Total)), (telephony.Value.Totals.Calls, telephony.Value.Totals.Minutes, telephony.Value.Totals.Cost));
    }

    [Fact]
    public async Task The_participants_report_counts_each_names_meetings_as_the_service_lists_them()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var truth = sim.Dataset.MeetingsBetween(Spring.From, Spring.To);
        var expected = truth
            .SelectMany(meeting => meeting.Participants.Select(participant => participant.Name).Distinct(StringComparer.Ordinal))
            .GroupBy(name => name, StringComparer.Ordinal)
            .ToDictionary(name => name.Key, name => name.Count(), StringComparer.Ordinal);

        var report = await archive.Services.GetRequiredService<IParticipantsReportService>().GetAsync(
            new ParticipantsRequest(Spring, null, null, ParticipantSort.Name, false, 10_000, 1, RevealPhoneNumbers: true), TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, report.Failure?.Describe());
        Assert.Equal(truth.Count, report.Value.MeetingsSummed);
        Assert.Equal(expected, report.Value.Rows.ToDictionary(row => row.Name, row => row.Meetings, StringComparer.Ordinal));
    }
}

public sealed class ArchiveReportsOnSqliteTests(SqliteArchiveServer server) : ArchiveReportsTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class ArchiveReportsOnPostgreSqlTests(PostgreSqlArchiveServer server) : ArchiveReportsTests(server), IClassFixture<PostgreSqlArchiveServer>;
