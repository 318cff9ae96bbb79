using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
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

public sealed class ArchiveScheduleRunOnSqliteTests(SqliteArchiveServer server) : ArchiveScheduleRunTests(server), IClassFixture<SqliteArchiveServer>
{
    [Fact]
    public async Task Once_its_months_are_written_the_log_is_copied_into_the_file_itself_and_emptied()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), new Dictionary<string, string?> { ["Archive:Since"] = "2025-05-01" }, now: At(2025, 6, 20, 10, 0));
        var log = new FileInfo(archive.Archive.File + "-wal");
        long LogLength()
        {
            log.Refresh();
            return log.Exists ? log.Length : 0;
        }

        await archive.Synchroniser.RunDueAsync(TestContext.Current.CancellationToken);

        // The log is emptied once the last read in flight has ended, just after its waiters are answered.
        for (var waited = 0; waited < 100 && LogLength() > 0; waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        // The month is far under the 1,000 pages at which a commit would have checkpointed the log by itself.
        await using var context = archive.Context();
        var pages = await context.Database.SqlQuery<long>($"SELECT page_count AS \"Value\" FROM pragma_page_count()").SingleAsync(TestContext.Current.CancellationToken);
        var pageSize = await context.Database.SqlQuery<long>($"SELECT page_size AS \"Value\" FROM pragma_page_size()").SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(MonthWindowState.Synced, (await archive.WindowAsync(new DateOnly(2025, 6, 1)))!.State);
        Assert.InRange(pages, 2, 999);
        Assert.Equal(pages * pageSize, new FileInfo(archive.Archive.File!).Length);
        Assert.Equal(0, LogLength());
    }

    [Fact]
    public async Task A_reader_still_on_the_log_when_the_months_are_written_delays_its_emptying_and_does_not_prevent_it()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), new Dictionary<string, string?> { ["Archive:Since"] = "2025-05-01" }, now: At(2025, 6, 20, 10, 0));
        var log = new FileInfo(archive.Archive.File + "-wal");
        await using var reader = archive.Context();
        await reader.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var snapshot = ((Microsoft.Data.Sqlite.SqliteConnection)reader.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await reader.Database.UseTransactionAsync(snapshot, TestContext.Current.CancellationToken);
        await reader.MonthWindows.CountAsync(TestContext.Current.CancellationToken);

        await archive.Synchroniser.RunDueAsync(TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        log.Refresh();
        var whileReading = log.Length;
        await snapshot.CommitAsync(TestContext.Current.CancellationToken);
        for (var waited = 0; waited < 100 && log.Length > 0; waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            log.Refresh();
        }

        Assert.True(whileReading > 0, "the reader's snapshot kept the log");
        Assert.Equal(0, log.Length);
    }

    [Fact]
    public async Task Every_connection_to_the_file_lets_SQLite_wait_for_another_writer_up_to_its_timeout()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());

        await using var context = archive.Context();
        var waits = await context.Database.SqlQuery<long>($"SELECT timeout AS \"Value\" FROM pragma_busy_timeout()").SingleAsync(TestContext.Current.CancellationToken);

        // Not Microsoft.Data.Sqlite's own retries, which sleep 150 ms at a time.
        Assert.Equal(30_000, waits);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}

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

    [Fact]
    public async Task A_month_waiting_for_the_writer_lets_the_next_month_be_read()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var database = await server.CreateDatabaseAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, database, new Dictionary<string, string?> { ["Archive:Since"] = "2025-04-01", ["Archive:ConcurrentWindows"] = "1" }, now: At(2025, 6, 2, 10, 0));
        sim.Requests.Clear();

        // Another instance writing, as far as this one can tell: every window's write waits for the writers' lock.
        await using var writer = new NpgsqlConnection(database.ConnectionString);
        await writer.OpenAsync(TestContext.Current.CancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MonthWindowSync.WritersLock})", writer))
        {
            await take.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var run = archive.Synchroniser.RunDueAsync(TestContext.Current.CancellationToken);
        var read = await MonthsAskedAsync(sim, expected: 2);
        var overview = await archive.Services.GetRequiredService<IArchiveOverview>().GetAsync(TestContext.Current.CancellationToken);
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MonthWindowSync.WritersLock})", writer))
        {
            await release.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await run;
        Assert.Equal([new DateOnly(2025, 6, 1), new DateOnly(2025, 5, 1)], read);

        // On /archive meanwhile: the two months read (one waiting to be written) were syncing, the one still queued for
        // a reading slot (Archive:ConcurrentWindows 1, twice that held) was pending.
        Assert.Equal(
            [ArchiveWindowState.Syncing, ArchiveWindowState.Syncing, ArchiveWindowState.Pending],
            overview.Windows.Select(window => window.State));
        foreach (var month in new DateOnly[] { new(2025, 6, 1), new(2025, 5, 1), new(2025, 4, 1) })
        {
            Assert.Equal(MonthWindowState.Synced, (await archive.WindowAsync(month))!.State);
        }
    }

    /// <summary>The months the simulator was asked for, once <paramref name="expected"/> of them were (or after 10 s).</summary>
    private static async Task<List<DateOnly?>> MonthsAskedAsync(UMeetingReports.Simulator.RunningSimulator sim, int expected)
    {
        List<DateOnly?> months = [];
        for (var waited = 0; waited < 200 && months.Count < expected; waited++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            months = [.. sim.Requests.Snapshot().Where(request => request.Path == "/umeeting/share/detail").Select(request => request.From).Distinct()];
        }

        return months;
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
