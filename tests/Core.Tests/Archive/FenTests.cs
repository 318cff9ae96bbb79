using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Simulator;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// Sums of money are added by the database as whole fen (<see cref="ArchiveContext.Fen"/>): exact for every amount the
/// archive accepts, on SQLite (where the text of an amount becomes a double first) and on PostgreSQL.
/// </summary>
public abstract class FenTests(ArchiveServer server)
{
    private static readonly DateOnly May = new(2025, 5, 1);

    /// <summary>Amounts whose double is not exact (1.15 × 100 is 114.99999999999999), the largest accepted, negatives.</summary>
    public static TheoryData<decimal> Amounts => [0m, 0.01m, 1.15m, 4.35m, 0.29m, 1_234_567.89m, 999_999_999_999.99m, -0.07m, -999_999_999_999.99m];

    [Theory]
    [MemberData(nameof(Amounts))]
    public async Task An_amount_is_counted_as_its_whole_fen(decimal amount)
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await SyncedMayAsync(sim);
        await using var context = archive.Context();
        var uuid = await context.Meetings.OrderBy(meeting => meeting.Uuid).Select(meeting => meeting.Uuid).FirstAsync(TestContext.Current.CancellationToken);
        await context.Meetings.Where(meeting => meeting.Uuid == uuid).ExecuteUpdateAsync(set => set.SetProperty(meeting => meeting.PhoneCost, amount), TestContext.Current.CancellationToken);

        var fen = await context.Meetings.Where(meeting => meeting.Uuid == uuid).Select(meeting => ArchiveContext.Fen(meeting.PhoneCost)).SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal((long)(amount * 100), fen);
        Assert.Equal(amount, ArchiveContext.FromFen(fen));
    }

    [Fact]
    public async Task A_month_of_costs_summed_in_fen_equals_the_costs_added_as_decimals_to_the_fen()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await SyncedMayAsync(sim);
        await using var context = archive.Context();
        var costs = await context.Meetings.Select(meeting => meeting.PhoneCost).ToListAsync(TestContext.Current.CancellationToken);

        var fen = await context.Meetings.SumAsync(meeting => ArchiveContext.Fen(meeting.PhoneCost), TestContext.Current.CancellationToken);

        Assert.Contains(costs, cost => cost % 1 != 0);
        Assert.Equal(costs.Sum().ToString("F2", CultureInfo.InvariantCulture), ArchiveContext.FromFen(fen).ToString(CultureInfo.InvariantCulture));
    }

    private async Task<ArchiveHarness> SyncedMayAsync(RunningSimulator sim)
    {
        var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);
        return archive;
    }
}

/// <summary>Turning a sum in fen back into yuan needs no database.</summary>
public sealed class FromFenTests
{
    [Fact]
    public void Whole_yuan_come_back_at_the_fens_scale()
    {
        Assert.Equal("12.00", ArchiveContext.FromFen(1200).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("-0.07", ArchiveContext.FromFen(-7).ToString(CultureInfo.InvariantCulture));
    }
}

public sealed class FenOnSqliteTests(SqliteArchiveServer server) : FenTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class FenOnPostgreSqlTests(PostgreSqlArchiveServer server) : FenTests(server), IClassFixture<PostgreSqlArchiveServer>;
