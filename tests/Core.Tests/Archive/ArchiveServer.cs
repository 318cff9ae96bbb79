using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using UMeetingReports.Core.Archive;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// Where a test class's archives live: a folder of SQLite files, or a throwaway PostgreSQL server. Every test gets a
/// fresh, empty database of its own (<see cref="CreateDatabaseAsync"/>), so no test sees another's rows.
/// </summary>
public abstract class ArchiveServer
{
    internal abstract string Provider { get; }

    internal abstract Task<TestArchive> CreateDatabaseAsync();
}

/// <summary>SQLite files in a temporary folder of the class's own, removed at the end.</summary>
public sealed class SqliteArchiveServer : ArchiveServer, IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "umeeting-archive-tests", Guid.NewGuid().ToString("N"));

    internal override string Provider => ArchiveOptions.SqliteProvider;

    internal override Task<TestArchive> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.db");
        return Task.FromResult(new TestArchive(Provider, $"Data Source={file}", _folder, file, () =>
        {
            // Pooled connections keep the file open.
            SqliteConnection.ClearAllPools();
            return Task.CompletedTask;
        }));
    }

    /// <summary>
    /// Removes the folder. A host a test stopped may still be closing a connection meanwhile, whose SQLite writes its
    /// log's index file as it goes (a full run failed once with "Directory not empty"): the deletion is tried again for
    /// up to two seconds, and a folder still not empty then fails the class, naming what is left.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        for (var attempt = 1; Directory.Exists(_folder); attempt++)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(200);
            }
            catch (IOException exception)
            {
                var left = Directory.Exists(_folder) ? string.Join(", ", Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName)) : "nothing";
                throw new IOException($"The archives' folder {_folder} could not be removed; left in it: {left}.", exception);
            }
        }
    }
}

/// <summary>
/// A database per test on the PostgreSQL server named by UMEETING_TEST_POSTGRES (a connection string whose user may
/// create databases); ./build/test.sh starts a throwaway server and sets it. Without it the tests skip with the reason,
/// except in CI (CI=true), where they must run.
/// </summary>
public sealed class PostgreSqlArchiveServer : ArchiveServer
{
    public const string Variable = "UMEETING_TEST_POSTGRES";

    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);

    internal override string Provider => ArchiveOptions.PostgreSqlProvider;

    public static bool RunsInCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci
        && (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    internal override async Task<TestArchive> CreateDatabaseAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            var reason = $"{Variable} is not set: the PostgreSQL tests need a server (./build/test.sh starts one from Debian's postgresql package).";
            if (RunsInCi)
            {
                throw new InvalidOperationException($"CI=true and {reason} In CI the PostgreSQL tests must run, never skip.");
            }

            Assert.Skip(reason);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"archive_test_{Guid.NewGuid():N}");
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var database = new NpgsqlConnectionStringBuilder(_server) { Database = name }.ToString();
        return new TestArchive(Provider, database, Path.GetTempPath(), null, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        });
    }
}

/// <summary>One fresh archive database: the settings that point the app at it, and its removal.</summary>
internal sealed class TestArchive(string provider, string connectionString, string contentRoot, string? file, Func<Task> drop) : IAsyncDisposable
{
    public string Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>The content root given to AddMeetingArchive.</summary>
    public string ContentRoot { get; } = contentRoot;

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? File { get; } = file;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Archive:Provider"] = Provider,
        ["ConnectionStrings:Archive"] = ConnectionString,
    };

    public ValueTask DisposeAsync() => new(drop());
}
