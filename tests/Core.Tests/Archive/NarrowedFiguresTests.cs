using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Tests.Shared;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// The meetings report's KPIs and months when its search or person narrows the list, on SQLite and on PostgreSQL:
/// they count exactly the meetings listed, each whole (every join, every call), as the simulator's records sum them.
/// </summary>
public abstract class NarrowedFiguresTests(ArchiveServer server)
{
    private static readonly DatePeriod Spring = new(new(2025, 3, 1), new(2025, 5, 31));

    private static readonly DatePeriod May = new(new(2025, 5, 1), new(2025, 5, 31));

    [Fact]
    public async Task The_kpis_of_a_search_are_the_sums_of_the_meetings_whose_topic_holds_it_in_any_case()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var matching = sim.Dataset.MeetingsBetween(Spring.From, Spring.To)
            .Where(meeting => meeting.Topic.Contains("review", StringComparison.OrdinalIgnoreCase)).ToList();

        var kpis = await archive.Services.GetRequiredService<IPeriodKpiService>().GetAsync(
            new AnalyticsFilter(Spring) { Search = "  REVIEW " }, progress: null, TestContext.Current.CancellationToken);

        Assert.InRange(matching.Count, 10, sim.Dataset.MeetingsBetween(Spring.From, Spring.To).Count - 10);
        Assert.Equal(GroundTruthSums.Figures(matching), kpis.Value!.Figures);
    }

    [Fact]
    public async Task The_kpis_of_one_persons_meetings_count_everyone_who_joined_them_and_compare_with_that_persons_previous_month()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var person = PeopleInMeetings.BusiestName(sim.Dataset.MeetingsBetween(Spring.From, Spring.To));
        var kpis = archive.Services.GetRequiredService<IPeriodKpiService>();
        var comparisons = archive.Services.GetRequiredService<IKpiComparisonService>();
        var may = new AnalyticsFilter(May) { Participant = person };
        await kpis.GetAsync(new AnalyticsFilter(Spring), progress: null, TestContext.Current.CancellationToken);

        var counted = await kpis.GetAsync(may, progress: null, TestContext.Current.CancellationToken);
        var previous = await comparisons.CountAsync(await comparisons.FindAsync(counted.Value!, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        var joined = PeopleInMeetings.Joined(sim.Dataset.MeetingsBetween(May.From, May.To), person);
        Assert.Equal(GroundTruthSums.Figures(joined), counted.Value!.Figures);
        Assert.True(counted.Value.Figures.DistinctNames > 1, "Everyone who joined the person's meetings is counted, not the person alone.");
        Assert.Equal(new AnalyticsFilter(new(new(2025, 4, 1), new(2025, 4, 30))) { Participant = person }, previous.Filter);
        Assert.Equal(GroundTruthSums.Figures(PeopleInMeetings.Joined(sim.Dataset.MeetingsBetween(new(2025, 4, 1), new(2025, 4, 30)), person)), previous.Figures);
    }

    [Fact]
    public async Task Each_month_of_a_persons_series_sums_the_meetings_that_person_joined_in_it()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var person = PeopleInMeetings.BusiestName(sim.Dataset.MeetingsBetween(Spring.From, Spring.To));
        await archive.Services.GetRequiredService<IPeriodKpiService>().GetAsync(new AnalyticsFilter(Spring), progress: null, TestContext.Current.CancellationToken);

        var series = await archive.Services.GetRequiredService<IMonthlySeriesService>().GetAsync(
            new AnalyticsFilter(Spring) { Participant = person }, names: false, TestContext.Current.CancellationToken);

        Assert.NotNull(series);
        Assert.Equal(3, series.Months.Count);
        Assert.All(series.Months, month => Assert.Equal(
            GroundTruthSums.Figures(PeopleInMeetings.Joined(sim.Dataset.MeetingsBetween(month.Span.From, month.Span.To), person)) with { DistinctNames = 0 },
            month.Figures));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_counts_nothing()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());

        var kpis = await archive.Services.GetRequiredService<IPeriodKpiService>().GetAsync(
            new AnalyticsFilter(Spring) { Search = "no such topic anywhere" }, progress: null, TestContext.Current.CancellationToken);

        Assert.Equal(MeetingFigures.None, kpis.Value!.Figures);
    }
}

public sealed class NarrowedFiguresOnSqliteTests(SqliteArchiveServer server) : NarrowedFiguresTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class NarrowedFiguresOnPostgreSqlTests(PostgreSqlArchiveServer server) : NarrowedFiguresTests(server), IClassFixture<PostgreSqlArchiveServer>;
