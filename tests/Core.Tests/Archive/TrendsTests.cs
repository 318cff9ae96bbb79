using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// The month-by-month series and the previous period's KPIs, summed by the database on SQLite and on PostgreSQL: each
/// month of a series is that month's own KPIs, and a comparison counts only what the archive already holds.
/// </summary>
public abstract class TrendsTests(ArchiveServer server)
{
    /// <summary>Three months and more: a cut first month, two whole ones, and June up to the simulator's today.</summary>
    private static readonly DatePeriod Spring = new(new(2025, 3, 10), new(2025, 6, 15));

    [Fact]
    public async Task Each_month_of_the_series_equals_the_kpis_of_that_months_own_period()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var kpis = archive.Services.GetRequiredService<IPeriodKpiService>();
        var whole = await kpis.GetAsync(new AnalyticsFilter(Spring), progress: null, TestContext.Current.CancellationToken);

        var series = await archive.Services.GetRequiredService<IMonthlySeriesService>().GetAsync(new AnalyticsFilter(Spring), names: true, TestContext.Current.CancellationToken);

        Assert.NotNull(series);
        Assert.Equal(
            ["2025-03-10..2025-03-31 partial", "2025-04-01..2025-04-30 whole", "2025-05-01..2025-05-31 whole", "2025-06-01..2025-06-15 partial"],
            series.Months.Select(month => $"{month.Span} {(month.Partial ? "partial" : "whole")}"));
        foreach (var month in series.Months)
        {
            var own = await kpis.GetAsync(new AnalyticsFilter(month.Span), progress: null, TestContext.Current.CancellationToken);
            Assert.Equal(own.Value!.Figures, month.Figures);
            Assert.Equal(GroundTruthSums.Figures(sim.Dataset.MeetingsBetween(month.Span.From, month.Span.To)), month.Figures);
        }

        Assert.Equal(whole.Value!.Figures.CallCost, series.Months.Sum(month => month.Figures.CallCost));
        Assert.Equal(whole.Value.Figures.Meetings, series.Chart(SeriesNames.Meetings, figures => figures.Meetings).Total);
    }

    [Fact]
    public async Task One_rooms_series_counts_that_rooms_meetings_only()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var room = sim.Dataset.Rooms[2].HostId;
        await archive.Services.GetRequiredService<IPeriodKpiService>().GetAsync(new AnalyticsFilter(Spring), progress: null, TestContext.Current.CancellationToken);

        var series = await archive.Services.GetRequiredService<IMonthlySeriesService>().GetAsync(new AnalyticsFilter(Spring, room), names: false, TestContext.Current.CancellationToken);

        Assert.NotNull(series);
        Assert.All(series.Months, month => Assert.Equal(
            GroundTruthSums.Figures(sim.Dataset.MeetingsBetween(month.Span.From, month.Span.To, room)) with { DistinctNames = 0 },
            month.Figures));
    }

    [Fact]
    public async Task There_is_no_series_for_a_period_under_three_months_nor_for_months_the_archive_does_not_hold()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var service = archive.Services.GetRequiredService<IMonthlySeriesService>();

        var notHeld = await service.GetAsync(new AnalyticsFilter(Spring), names: true, TestContext.Current.CancellationToken);
        var requests = sim.Requests.Snapshot().Count;
        await archive.Services.GetRequiredService<IPeriodKpiService>().GetAsync(new AnalyticsFilter(Spring), progress: null, TestContext.Current.CancellationToken);
        var tooShort = await service.GetAsync(new AnalyticsFilter(new(new(2025, 3, 17), new(2025, 6, 15))), names: true, TestContext.Current.CancellationToken);

        Assert.Null(notHeld);
        Assert.Equal(0, requests);
        Assert.Null(tooShort);
    }

    [Fact]
    public async Task The_previous_periods_kpis_are_its_own_kpis_once_its_months_are_held_and_are_never_read_for_a_comparison()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var kpis = archive.Services.GetRequiredService<IPeriodKpiService>();
        var comparisons = archive.Services.GetRequiredService<IKpiComparisonService>();
        var may = new AnalyticsFilter(new(new(2025, 5, 1), new(2025, 5, 31)));
        var april = new DatePeriod(new(2025, 4, 1), new(2025, 4, 30));
        var mays = (await kpis.GetAsync(may, progress: null, TestContext.Current.CancellationToken)).Value!;
        var requests = sim.Requests.Snapshot().Count;

        var before = await comparisons.FindAsync(mays, TestContext.Current.CancellationToken);
        var readMeanwhile = sim.Requests.Snapshot().Count - requests;
        var ownApril = await kpis.GetAsync(new AnalyticsFilter(april), progress: null, TestContext.Current.CancellationToken);
        var after = await comparisons.FindAsync(mays, TestContext.Current.CancellationToken);
        var counted = await comparisons.CountAsync(after, TestContext.Current.CancellationToken);

        Assert.Equal((ComparisonState.PreviousNotHeld, april, 0), (before.State, before.Periods.Previous, readMeanwhile));
        Assert.Equal(ComparisonState.Compared, after.State);
        Assert.Equal(ownApril.Value!.Figures, counted.Figures);
        Assert.Equal(GroundTruthSums.Figures(sim.Dataset.MeetingsBetween(april.From, april.To)), counted.Figures);
    }

    [Fact]
    public async Task A_period_that_reaches_today_is_not_compared()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());

        var june = await archive.Services.GetRequiredService<IPeriodKpiService>().GetAsync(
            new AnalyticsFilter(new(new(2025, 6, 1), new(2025, 6, 15))), progress: null, TestContext.Current.CancellationToken);

        var found = await archive.Services.GetRequiredService<IKpiComparisonService>().FindAsync(june.Value!, TestContext.Current.CancellationToken);

        Assert.Equal((ComparisonState.PeriodNotOver, (Core.Archive.ArchivedPeriod?)null), (found.State, found.Months));
    }

    [Fact]
    public async Task Yesterday_is_not_compared_while_meetings_begun_on_it_still_run_after_midnight()
    {
        // Arrange: the reader's clock is half past midnight of 16 June; meetings the service began on the 15th still
        // run, and the 14th (the day before) is held, so only the running meetings stand in the comparison's way.
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), now: new DateTimeOffset(2025, 6, 16, 0, 30, 0, TimeSpan.FromHours(8)));
        var kpis = archive.Services.GetRequiredService<IPeriodKpiService>();
        var comparisons = archive.Services.GetRequiredService<IKpiComparisonService>();
        var yesterday = (await kpis.GetAsync(new AnalyticsFilter(new(new(2025, 6, 15), new(2025, 6, 15))), progress: null, TestContext.Current.CancellationToken)).Value!;
        var dayBefore = (await kpis.GetAsync(new AnalyticsFilter(new(new(2025, 6, 14), new(2025, 6, 14))), progress: null, TestContext.Current.CancellationToken)).Value!;

        // Act
        var found = await comparisons.FindAsync(yesterday, TestContext.Current.CancellationToken);
        var ofTheDayBefore = await comparisons.FindAsync(dayBefore, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(sim.Dataset.MeetingsBetween(new(2025, 6, 15), new(2025, 6, 15)).Count(meeting => meeting.End is null), yesterday.Figures.RunningMeetings);
        Assert.True(yesterday.Figures.RunningMeetings > 0, "The simulator keeps meetings running on its today.");
        Assert.Equal((ComparisonState.MeetingsRunning, (Core.Archive.ArchivedPeriod?)null), (found.State, found.Months));
        Assert.Equal(ComparisonState.Compared, ofTheDayBefore.State);
    }
}

public sealed class TrendsOnSqliteTests(SqliteArchiveServer server) : TrendsTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class TrendsOnPostgreSqlTests(PostgreSqlArchiveServer server) : TrendsTests(server), IClassFixture<PostgreSqlArchiveServer>;
