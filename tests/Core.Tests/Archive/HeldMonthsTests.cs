using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// Which months a report finds held, when the instance keeps a snapshot of month_windows between requests and another
/// instance writes the same database: a month is never reported missing once it has a copy, and a newer copy's time
/// shows at once on the instance that wrote it and within the snapshot's lifetime on the other. SQLite and PostgreSQL.
/// </summary>
public abstract class HeldMonthsTests(ArchiveServer server)
{
    private static readonly DateOnly May = new(2025, 5, 1);

    private static readonly DatePeriod InMay = new(new(2025, 5, 3), new(2025, 5, 20));

    [Fact]
    public async Task A_month_the_other_instance_archived_is_held_here_at_once_though_this_one_had_just_found_it_missing()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var writer = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using var reader = await SecondInstanceAsync(sim, writer);
        Assert.Null(await HeldAsync(reader, InMay));

        var written = await writer.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        var held = await HeldAsync(reader, InMay);
        Assert.NotNull(held);
        Assert.Equal(written.CompletedAt, Assert.Single(held.Months).CompletedAt);
    }

    [Fact]
    public async Task A_newer_copy_shows_its_time_at_once_on_the_instance_that_wrote_it_and_within_the_lifetime_on_the_other()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var writer = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using var reader = await SecondInstanceAsync(sim, writer);
        var first = await writer.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);
        Assert.Equal(first.CompletedAt, (await HeldAsync(writer, InMay))!.DataAsOf);
        Assert.Equal(first.CompletedAt, (await HeldAsync(reader, InMay))!.DataAsOf);

        writer.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await writer.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);
        Assert.True(second.CompletedAt > first.CompletedAt);
        Assert.Equal(second.CompletedAt, (await HeldAsync(writer, InMay))!.DataAsOf);

        reader.Clock.Advance(HeldMonths.Lifetime);
        Assert.Equal(second.CompletedAt, (await HeldAsync(reader, InMay))!.DataAsOf);
    }

    [Fact]
    public async Task A_month_the_other_instance_archived_is_held_for_a_look_at_the_snapshot_within_the_lifetime()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var writer = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using var reader = await SecondInstanceAsync(sim, writer);
        Assert.Null(await HeldAsOfSnapshotAsync(reader, InMay));

        var written = await writer.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);
        reader.Clock.Advance(HeldMonths.Lifetime);

        var held = await HeldAsOfSnapshotAsync(reader, InMay);
        Assert.NotNull(held);
        Assert.Equal(written.CompletedAt, Assert.Single(held.Months).CompletedAt);
        Assert.Equal(written.CompletedAt, Assert.Single((await HeldAsOfSnapshotAsync(writer, InMay))!.Months).CompletedAt);
    }

    /// <summary>Another instance on the same database, with a clock of its own; the database is the first one's to drop.</summary>
    private static Task<ArchiveHarness> SecondInstanceAsync(UMeetingReports.Simulator.RunningSimulator sim, ArchiveHarness first)
    {
        var shared = first.Archive;
        return ArchiveHarness.StartAsync(sim, new TestArchive(shared.Provider, shared.ConnectionString, shared.ContentRoot, shared.File, () => Task.CompletedTask));
    }

    /// <summary>What one request of <paramref name="instance"/> finds held.</summary>
    private static async Task<ArchivedPeriod?> HeldAsync(ArchiveHarness instance, DatePeriod period)
    {
        await using var request = instance.Services.CreateAsyncScope();
        return await request.ServiceProvider.GetRequiredService<IArchivePeriods>().HeldAsync(period, TestContext.Current.CancellationToken);
    }

    /// <summary>What one request of <paramref name="instance"/> finds held without asking the table for a month its snapshot lacks.</summary>
    private static async Task<ArchivedPeriod?> HeldAsOfSnapshotAsync(ArchiveHarness instance, DatePeriod period)
    {
        await using var request = instance.Services.CreateAsyncScope();
        return await request.ServiceProvider.GetRequiredService<IArchivePeriods>().HeldAsOfSnapshotAsync(period, TestContext.Current.CancellationToken);
    }
}

public sealed class HeldMonthsOnSqliteTests(SqliteArchiveServer server) : HeldMonthsTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class HeldMonthsOnPostgreSqlTests(PostgreSqlArchiveServer server) : HeldMonthsTests(server), IClassFixture<PostgreSqlArchiveServer>;
