using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// <see cref="ArchiveReader.InOneSnapshotAsync"/>: statements that must agree (the participants report's sums of the
/// ended meetings and its meetings still running) see the archive as one moment left it, on SQLite and on PostgreSQL,
/// while a writer goes on.
/// </summary>
public abstract class ArchiveSnapshotTests(ArchiveServer server)
{
    private static readonly DatePeriod May = new(new(2025, 5, 1), new(2025, 5, 31));

    [Fact]
    public async Task A_change_committed_between_two_statements_of_one_snapshot_is_seen_by_neither_and_is_not_held_up()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await archive.Synchroniser.ReadMonthAsync(May.From, progress: null, cancellationToken);
        await using var scope = archive.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<ArchiveReader>();

        var (first, second) = await reader.InOneSnapshotAsync(
            async context =>
            {
                var before = await ArchiveReader.Meetings(context, May, hostId: null).CountAsync(cancellationToken);

                // Another connection moves one of May's meetings out of May, and commits, while the snapshot is open.
                await using (var writer = archive.Context())
                {
                    var moved = await writer.Meetings.Where(meeting => meeting.WindowMonth == May.From).Select(meeting => meeting.Uuid).FirstAsync(cancellationToken);
                    await writer.Meetings.Where(meeting => meeting.Uuid == moved)
                        .ExecuteUpdateAsync(update => update.SetProperty(meeting => meeting.Start, new DateTime(2020, 1, 1, 9, 0, 0)), cancellationToken);
                }

                return (before, await ArchiveReader.Meetings(context, May, hostId: null).CountAsync(cancellationToken));
            },
            cancellationToken);

        await using var afterwards = archive.Context();
        Assert.Equal(first, second);
        Assert.Equal(first - 1, await ArchiveReader.Meetings(afterwards, May, hostId: null).CountAsync(cancellationToken));
    }
}

public sealed class ArchiveSnapshotOnSqliteTests(SqliteArchiveServer server) : ArchiveSnapshotTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class ArchiveSnapshotOnPostgreSqlTests(PostgreSqlArchiveServer server) : ArchiveSnapshotTests(server), IClassFixture<PostgreSqlArchiveServer>;
