using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// The schedule run against the simulator and a real database on a fake clock: newest month first, the current month
/// refreshed, a past month read once more when it settles and then left alone. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class ArchiveScheduleRunTests(ArchiveServer server)
{
    private static readonly DateOnly June = new(2025, 6, 1);
    private static readonly DateOnly May = new(2025, 5, 1);
    private static readonly DateOnly April = new(2025, 4, 1);

    private static readonly Dictionary<string, string?> ThreeMonthsOneAtATime = new()
    {
        ["Archive:Since"] = "2025-04-01",
        ["Archive:ConcurrentWindows"] = "1",
    };

    [Fact]
    public async Task The_first_run_reads_every_month_newest_first()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), ThreeMonthsOneAtATime, now: At(2025, 6, 2, 10, 0));
        sim.Requests.Clear();

        await archive.Synchroniser.RunDueAsync(TestContext.Current.CancellationToken);

        var windowsInOrder = sim.Requests.Snapshot().Where(request => request.Path == "/umeeting/share/detail").Select(request => request.From).Distinct();
        Assert.Equal([June, May, April], windowsInOrder);
        foreach (var month in new[] { June, May, April })
        {
            Assert.Equal(MonthWindowState.Synced, (await archive.WindowAsync(month))!.State);
        }
    }

    [Fact]
    public async Task Later_runs_refresh_the_current_month_and_read_a_past_month_once_more_when_it_settles()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), ThreeMonthsOneAtATime, now: At(2025, 6, 2, 10, 0));
        var firstWait = await archive.Synchroniser.RunDueAsync(TestContext.Current.CancellationToken);

        var inAMinute = await MonthsReadAfterAsync(archive, sim, TimeSpan.FromMinutes(1));
        var afterTheRefresh = await MonthsReadAfterAsync(archive, sim, TimeSpan.FromMinutes(4));
        var afterMaySettled = await MonthsReadAfterAsync(archive, sim, At(2025, 6, 3, 0, 1) - archive.Clock.GetUtcNow());
        var aDayLater = await MonthsReadAfterAsync(archive, sim, TimeSpan.FromDays(1));

        Assert.Equal(TimeSpan.FromMinutes(5), firstWait);
        Assert.Empty(inAMinute);
        Assert.Equal([June], afterTheRefresh);
        Assert.Equal([June, May], afterMaySettled);
        Assert.Equal([June], aDayLater);
        Assert.True((await archive.WindowAsync(May))!.Settled);
        Assert.True((await archive.WindowAsync(April))!.Settled, "April was first read on June 2, long after it settled");
        Assert.False((await archive.WindowAsync(June))!.Settled);
    }

    [Fact]
    public async Task The_hosted_schedule_migrates_and_fills_the_archive_when_the_app_starts()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var database = await server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["UMeeting:BaseUrl"] = sim.BaseAddress.ToString(),
            ["Archive:Since"] = "2025-06-01",
        };
        using var host = ConfiguredHost.Build(settings, services => services.AddMeetingArchive(database.ContentRoot));
        var factory = host.Services.GetRequiredService<IDbContextFactory<ArchiveContext>>();
        var zone = host.Services.GetRequiredService<UMeetingReports.Core.Upstream.UpstreamZone>();
        var expectedMonths = ArchiveSchedule.Months(June, zone.Today).Count;

        await host.StartAsync(TestContext.Current.CancellationToken);
        var windows = new List<MonthWindow>();
        for (var waited = 0; waited < 600 && windows.Count(window => window.State == MonthWindowState.Synced) < expectedMonths; waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            await using var context = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            windows = await context.MonthWindows.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        }

        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(expectedMonths, windows.Count(window => window.State == MonthWindowState.Synced));
        Assert.Equal(sim.Dataset.MeetingsBetween(June, new DateOnly(2025, 6, 30)).Count, windows.Single(window => window.Month == June).Records);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static async Task<IReadOnlyList<DateOnly?>> MonthsReadAfterAsync(ArchiveHarness archive, UMeetingReports.Simulator.RunningSimulator sim, TimeSpan later)
    {
        archive.Clock.Advance(later);
        sim.Requests.Clear();
        await archive.Synchroniser.RunDueAsync(TestContext.Current.CancellationToken);
        return [.. sim.Requests.Snapshot().Where(request => request.Path == "/umeeting/share/detail").Select(request => request.From).Distinct()];
    }
}

public sealed class ArchiveScheduleRunOnSqliteTests(SqliteArchiveServer server) : ArchiveScheduleRunTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class ArchiveScheduleRunOnPostgreSqlTests(PostgreSqlArchiveServer server) : ArchiveScheduleRunTests(server), IClassFixture<PostgreSqlArchiveServer>
{
    private static readonly string[] BigTables = ["meetings", "participant_sessions", "telephony_legs"];

    [Fact]
    public async Task Once_its_months_are_written_the_server_has_gathered_the_planners_statistics_of_the_big_tables()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), new Dictionary<string, string?> { ["Archive:Since"] = "2025-05-01" }, now: At(2025, 6, 2, 10, 0));
        var before = await AnalysedAsync(archive);

        await archive.Synchroniser.RunDueAsync(TestContext.Current.CancellationToken);

        // The ANALYZE runs once the last read in flight has ended, just after its waiters are answered.
        var after = before;
        for (var waited = 0; waited < 100 && after.Count < BigTables.Length; waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            after = await AnalysedAsync(archive);
        }

        Assert.Empty(before);
        Assert.Equal(BigTables, after);
    }

    /// <summary>The big tables an ANALYZE (not autovacuum's) has gathered statistics of, by name.</summary>
    private static async Task<List<string>> AnalysedAsync(ArchiveHarness archive)
    {
        await using var context = archive.Context();
        var analysed = await context.Database
            .SqlQuery<string>($"SELECT relname::text AS \"Value\" FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL")
            .ToListAsync(TestContext.Current.CancellationToken);
        return [.. analysed.Where(BigTables.Contains).Order(StringComparer.Ordinal)];
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
