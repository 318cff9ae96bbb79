using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Instances;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// The sign-in counters under parallel attempts on one database: an attempt that finds its key full reads the row
/// back to say how long to wait, and a right password may clear the key in between. SQLite and PostgreSQL.
/// </summary>
public abstract class SignInCountersTests(ArchiveServer server)
{
    private const string Key = "user:admin";
    private const int Limit = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Attempts_that_find_a_key_full_while_it_is_cleared_are_counted_again_or_told_to_wait_never_failed()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var instance = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var counters = instance.Services.GetRequiredService<ISignInCounters>();
        var cancellationToken = TestContext.Current.CancellationToken;

        for (var round = 0; round < 30; round++)
        {
            for (var attempt = 0; attempt < Limit; attempt++)
            {
                Assert.Null(await counters.TryCountAsync(Key, Limit, Window, slowTo: null, cancellationToken));
            }

            // Each on a thread of its own: the database calls underneath are synchronous, so plain tasks would take turns.
            var full = Enumerable.Range(0, 4).Select(_ => Task.Run(() => counters.TryCountAsync(Key, Limit, Window, slowTo: null, cancellationToken), cancellationToken)).ToList();
            var cleared = Task.Run(() => counters.ClearAsync(Key, cancellationToken), cancellationToken);
            await cleared;
            foreach (var answer in await Task.WhenAll(full))
            {
                Assert.True(answer is null || answer > TimeSpan.Zero);
            }

            await counters.ClearAsync(Key, cancellationToken);
        }
    }
}

public sealed class SignInCountersOnSqliteTests(SqliteArchiveServer server) : SignInCountersTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class SignInCountersOnPostgreSqlTests(PostgreSqlArchiveServer server) : SignInCountersTests(server), IClassFixture<PostgreSqlArchiveServer>;
