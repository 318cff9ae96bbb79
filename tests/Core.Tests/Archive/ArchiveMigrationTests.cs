using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>The archive's schema: created on an empty database, and a database newer than the app refused with a sentence.</summary>
public abstract class ArchiveMigrationTests(ArchiveServer server)
{
    private const string FutureMigration = "29990101000000_FromANewerVersion";

    [Fact]
    public async Task Migrations_bring_an_empty_database_to_this_versions_schema()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), migrate: false);

        await archive.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        await using var context = archive.Context();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(context.Database.HasPendingModelChanges(), "the model has changes no migration holds: run dotnet ef migrations add for both providers");
        Assert.Equal(0, await context.Meetings.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.ParticipantSessions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.TelephonyLegs.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.MonthWindows.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.Rooms.CountAsync(TestContext.Current.CancellationToken));
        Assert.Single(archive.Logs.Lines, line => line.Contains($" was created (schema {context.Database.GetMigrations().Last()})", StringComparison.Ordinal));
        Assert.DoesNotContain(archive.Logs.Lines, line => line.Contains(" was upgraded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrating_a_database_that_is_up_to_date_changes_nothing()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await archive.Synchroniser.ReadMonthAsync(new DateOnly(2025, 5, 1), progress: null, TestContext.Current.CancellationToken);
        var before = await archive.LinesAsync(new DateOnly(2025, 5, 1));

        await archive.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(before, await archive.LinesAsync(new DateOnly(2025, 5, 1)));
        Assert.Contains(archive.Logs.Lines, line => line.EndsWith(" is up to date ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_written_by_a_newer_version_is_refused_with_a_sentence_that_names_it()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using (var context = archive.Context())
        {
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO __ef_migrations_history (\"MigrationId\", \"ProductVersion\") VALUES ({0}, '99.0.0')",
                [FutureMigration],
                TestContext.Current.CancellationToken);
        }

        var refused = await Assert.ThrowsAsync<ArchiveUnavailableException>(() => archive.Migrator.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            $"The archive in {archive.Database.Description} was written by a newer version of UMeeting Reports: it has the migration(s) {FutureMigration}, which this version does not know. " +
            "Run the newer version, or point ConnectionStrings:Archive at a copy this version wrote; the archive was left untouched.",
            refused.Message);
        Assert.Contains(archive.Archive.File ?? "archive_test_", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_does_not_start_over_a_database_written_by_a_newer_version()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        var database = await server.CreateDatabaseAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, database);
        await using (var context = archive.Context())
        {
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO __ef_migrations_history (\"MigrationId\", \"ProductVersion\") VALUES ({0}, '99.0.0')",
                [FutureMigration],
                TestContext.Current.CancellationToken);
        }

        using var host = ConfiguredHost.Build(database.Settings, services => services.AddMeetingArchive(database.ContentRoot, schedule: false));

        var refused = await Assert.ThrowsAsync<ArchiveUnavailableException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("was written by a newer version of UMeeting Reports", refused.Message, StringComparison.Ordinal);
    }
}

public sealed class ArchiveMigrationOnSqliteTests(SqliteArchiveServer server) : ArchiveMigrationTests(server), IClassFixture<SqliteArchiveServer>
{
    private readonly SqliteArchiveServer _server = server;

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_a_sentence_that_names_it()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        var database = await _server.CreateDatabaseAsync();
        await File.WriteAllTextAsync(database.File!, new string('x', 4096), TestContext.Current.CancellationToken);
        await using var archive = await ArchiveHarness.StartAsync(sim, database, migrate: false);

        var refused = await Assert.ThrowsAsync<ArchiveUnavailableException>(() => archive.Migrator.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith($"The archive in the SQLite file {database.File} could not be opened or upgraded: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("file is not a database", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new string('x', 4096), await File.ReadAllTextAsync(database.File!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_a_connection_string_the_archive_is_data_archive_db_under_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "umeeting-archive-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var host = ConfiguredHost.Build(new Dictionary<string, string?>(), services => services.AddMeetingArchive(root, schedule: false));

            await host.StartAsync(TestContext.Current.CancellationToken);
            await host.StopAsync(TestContext.Current.CancellationToken);

            Assert.True(File.Exists(Path.Combine(root, "data", "archive.db")), "data/archive.db was not created under the content root");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}

public sealed class ArchiveMigrationOnPostgreSqlTests(PostgreSqlArchiveServer server) : ArchiveMigrationTests(server), IClassFixture<PostgreSqlArchiveServer>;
