using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// The readiness probe of the archive (/healthz/ready) and the sentence a page's 503 gives: healthy once the schema is
/// up to date and a table answers, unhealthy with a sentence naming the archive otherwise.
/// </summary>
public abstract class ArchiveHealthTests(ArchiveServer server)
{
    [Fact]
    public async Task Before_the_schema_is_brought_up_to_date_the_probe_is_unhealthy_and_says_why()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), migrate: false);

        var probe = await archive.Health.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.Equal((false, "The archive has not been opened yet (the app is starting)."), (probe.IsHealthy, probe.Reason));
    }

    [Fact]
    public async Task Once_migrated_the_probe_is_healthy_and_names_the_archive()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());

        var probe = await archive.Health.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.True(probe.IsHealthy, probe.Reason);
        Assert.Matches($@"^The archive \({System.Text.RegularExpressions.Regex.Escape(archive.Database.Description)}\) answered in \d+ ms\.$", probe.Reason);
    }

    [Fact]
    public async Task A_database_that_lost_its_tables_while_the_app_runs_makes_the_probe_unhealthy_with_a_sentence_naming_the_archive()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using (var context = archive.Context())
        {
            await context.Database.ExecuteSqlRawAsync("DROP TABLE month_windows", TestContext.Current.CancellationToken);
        }

        var probe = await archive.Health.ProbeAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.IsHealthy);
        Assert.StartsWith($"The archive ({archive.Database.Description}) cannot be read or written: ", probe.Reason, StringComparison.Ordinal);
        Assert.Contains("month_windows", probe.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_that_is_not_the_databases_is_not_explained_as_the_archives()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());

        Assert.Null(archive.Health.Explain(new InvalidOperationException("a defect")));
        Assert.Equal("named", archive.Health.Explain(new InvalidOperationException("wrapped", new ArchiveUnavailableException("named"))));
    }
}

public sealed class ArchiveHealthOnSqliteTests(SqliteArchiveServer server) : ArchiveHealthTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class ArchiveHealthOnPostgreSqlTests(PostgreSqlArchiveServer server) : ArchiveHealthTests(server), IClassFixture<PostgreSqlArchiveServer>;

/// <summary>
/// Start-up with a PostgreSQL server that cannot be reached: the host starts (pages answer 503, the migration is
/// tried again), while the migrate command, which an operator runs to migrate now, fails with a sentence.
/// </summary>
public sealed class ArchiveUnreachableStartTests
{
    private static readonly int ClosedPort = FreePort();

    private static Dictionary<string, string?> Settings => new()
    {
        ["Archive:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Archive"] = $"Host=127.0.0.1;Port={ClosedPort};Database=archive;Username=umeeting;Password=secret-not-shown;Timeout=3",
    };

    [Fact]
    public async Task The_host_starts_on_an_unreachable_server_and_says_the_archive_cannot_be_reached()
    {
        using var host = ConfiguredHost.Build(Settings, services => services.AddMeetingArchive(Path.GetTempPath(), schedule: false));

        await host.StartAsync(TestContext.Current.CancellationToken);
        var probe = await host.Services.GetRequiredService<IArchiveHealth>().ProbeAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.IsHealthy);
        Assert.StartsWith($"The archive in the PostgreSQL database archive on 127.0.0.1:{ClosedPort} cannot be reached: ", probe.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-not-shown", probe.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrate_command_on_an_unreachable_server_fails_with_a_sentence_naming_it()
    {
        using var host = ConfiguredHost.Build(Settings, services => services.AddMeetingArchive(Path.GetTempPath(), schedule: false));

        var refused = await Assert.ThrowsAsync<ArchiveUnavailableException>(() => host.Services.MigrateArchiveAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith($"The archive in the PostgreSQL database archive on 127.0.0.1:{ClosedPort} could not be opened or upgraded: ", refused.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
