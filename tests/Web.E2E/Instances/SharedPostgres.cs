using System.Globalization;
using Npgsql;

namespace UMeetingReports.Web.E2E.Instances;

/// <summary>
/// A fresh database per test on the throwaway PostgreSQL server named by UMEETING_TEST_POSTGRES (./build/test.sh starts
/// one), dropped at the end: the database several app instances share. Without the variable the test is skipped with
/// the reason, except in CI (CI=true), where it must run.
/// </summary>
internal sealed class SharedPostgres : IAsyncDisposable
{
    public const string Variable = "UMEETING_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private SharedPostgres(string server, string name)
    {
        (_server, _name) = (server, name);
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<SharedPostgres> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            var reason = $"{Variable} is not set: the tests of several instances need a PostgreSQL server (./build/test.sh starts one).";
            var ci = Environment.GetEnvironmentVariable("CI");
            if (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1")
            {
                throw new InvalidOperationException($"CI=true and {reason} In CI they must run, never skip.");
            }

            Assert.Skip(reason);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"instances_test_{Guid.NewGuid():N}");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new SharedPostgres(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
