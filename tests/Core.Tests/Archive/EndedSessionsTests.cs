using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Instances;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// Sessions ended by sign-out when an instance remembers, between requests, that a session was not ended, and another
/// instance signs it out on the same database: a sign-out is refused at once on the instance that made it, and within
/// the remembered answer's lifetime on the other; a session nobody signed out stays valid. SQLite and PostgreSQL.
/// </summary>
public abstract class EndedSessionsTests(ArchiveServer server)
{
    [Fact]
    public async Task A_session_signed_out_here_is_refused_at_once_though_this_instance_had_just_found_it_valid()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var instance = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var sessions = Sessions(instance);
        Assert.False(await sessions.IsEndedAsync("leaving", TestContext.Current.CancellationToken));
        Assert.False(await sessions.IsEndedAsync("staying", TestContext.Current.CancellationToken));

        await sessions.EndAsync("leaving", CookieExpires(instance), TestContext.Current.CancellationToken);

        Assert.True(await sessions.IsEndedAsync("leaving", TestContext.Current.CancellationToken));
        Assert.False(await sessions.IsEndedAsync("staying", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_session_signed_out_on_the_other_instance_is_refused_here_within_the_lifetime_and_for_good()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var first = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using var second = await SecondInstanceAsync(sim, first);
        Assert.False(await Sessions(second).IsEndedAsync("leaving", TestContext.Current.CancellationToken));
        Assert.False(await Sessions(second).IsEndedAsync("staying", TestContext.Current.CancellationToken));

        await Sessions(first).EndAsync("leaving", CookieExpires(first), TestContext.Current.CancellationToken);
        second.Clock.Advance(EndedSessions.Lifetime);

        Assert.True(await Sessions(second).IsEndedAsync("leaving", TestContext.Current.CancellationToken));
        Assert.False(await Sessions(second).IsEndedAsync("staying", TestContext.Current.CancellationToken));
        second.Clock.Advance(EndedSessions.Lifetime);
        Assert.True(await Sessions(second).IsEndedAsync("leaving", TestContext.Current.CancellationToken));
        Assert.True(await Sessions(first).IsEndedAsync("leaving", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_session_the_other_instance_signed_out_before_this_one_first_saw_it_is_refused_at_once()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var first = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using var second = await SecondInstanceAsync(sim, first);

        await Sessions(first).EndAsync("leaving", CookieExpires(first), TestContext.Current.CancellationToken);

        Assert.True(await Sessions(second).IsEndedAsync("leaving", TestContext.Current.CancellationToken));
    }

    /// <summary>When a cookie signed in now would expire, by the instance's clock (the one its sign-outs are kept by).</summary>
    private static DateTimeOffset CookieExpires(ArchiveHarness instance) => instance.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(8);

    private static IEndedSessions Sessions(ArchiveHarness instance) => instance.Services.GetRequiredService<IEndedSessions>();

    /// <summary>Another instance on the same database, with a clock of its own; the database is the first one's to drop.</summary>
    private static Task<ArchiveHarness> SecondInstanceAsync(UMeetingReports.Simulator.RunningSimulator sim, ArchiveHarness first)
    {
        var shared = first.Archive;
        return ArchiveHarness.StartAsync(sim, new TestArchive(shared.Provider, shared.ConnectionString, shared.ContentRoot, shared.File, () => Task.CompletedTask));
    }
}

public sealed class EndedSessionsOnSqliteTests(SqliteArchiveServer server) : EndedSessionsTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class EndedSessionsOnPostgreSqlTests(PostgreSqlArchiveServer server) : EndedSessionsTests(server), IClassFixture<PostgreSqlArchiveServer>;
