using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace UMeetingReports.Core.Archive;

/// <summary>Which database holds the archive (Archive:Provider).</summary>
internal enum ArchiveProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The archive's database as configured: the provider, the connection string (a SQLite file resolved against the
/// content root), a description for sentences ("the SQLite file /srv/app/data/archive.db"), and the contexts over it.
/// </summary>
internal sealed class ArchiveDatabase : IDbContextFactory<ArchiveContext>
{
    private readonly DbContextOptions _options;

    public ArchiveDatabase(IOptions<ArchiveOptions> options, ArchiveContentRoot contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contentRoot);
        var settings = options.Value;
        Provider = ParseProvider(settings.Provider) ?? throw new InvalidOperationException($"Archive:Provider '{settings.Provider}' is not known.");
        if (Provider == ArchiveProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(settings.ConnectionString)
                ? $"Data Source={ArchiveOptions.DefaultSqliteFile}"
                : settings.ConnectionString);
            if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
            {
                builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot.Path);
                SqliteFile = builder.DataSource;
            }

            // A busy file (a window being written) makes a reader wait a while rather than fail at once.
            builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
            ConnectionString = builder.ToString();
        }
        else
        {
            ConnectionString = settings.ConnectionString!;
        }

        Description = Describe(Provider, ConnectionString);
        Location = Locate(Provider, ConnectionString);
        _options = Provider == ArchiveProvider.Sqlite
            ? new DbContextOptionsBuilder<SqliteArchiveContext>().UseSqlite(ConnectionString, ConfigureSqlite).AddInterceptors(SqliteBusyWait.Instance).Options
            : new DbContextOptionsBuilder<PostgreSqlArchiveContext>().UseNpgsql(ConnectionString, ConfigureNpgsql).Options;
    }

    public ArchiveProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The full path of the SQLite file; null on PostgreSQL.</summary>
    public string? SqliteFile { get; }

    /// <summary>Names the file or the server, never a password: "the SQLite file …" or "the PostgreSQL database x on host:port".</summary>
    public string Description { get; }

    /// <summary>The file's path, or "x on host:port" for a PostgreSQL database: the facts of a sentence, in no language.</summary>
    public string Location { get; }

    public ArchiveContext CreateDbContext() => Provider == ArchiveProvider.Sqlite
        ? new SqliteArchiveContext((DbContextOptions<SqliteArchiveContext>)_options)
        : new PostgreSqlArchiveContext((DbContextOptions<PostgreSqlArchiveContext>)_options);

    internal static ArchiveProvider? ParseProvider(string? provider) =>
        string.Equals(provider, ArchiveOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase) ? ArchiveProvider.Sqlite
        : string.Equals(provider, ArchiveOptions.PostgreSqlProvider, StringComparison.OrdinalIgnoreCase) ? ArchiveProvider.PostgreSql
        : null;

    internal static string Describe(ArchiveProvider provider, string connectionString) =>
        provider == ArchiveProvider.Sqlite
            ? $"the SQLite file {Locate(provider, connectionString)}"
            : $"the PostgreSQL database {Locate(provider, connectionString)}";

    private static string Locate(ArchiveProvider provider, string connectionString)
    {
        if (provider == ArchiveProvider.Sqlite)
        {
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }

        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{npgsql.Database ?? npgsql.Username ?? "(default)"} on {npgsql.Host ?? "localhost"}:{npgsql.Port}";
    }

    internal static void ConfigureSqlite(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder sqlite) =>
        sqlite.MigrationsHistoryTable("__ef_migrations_history");

    internal static void ConfigureNpgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__ef_migrations_history");
}

/// <summary>The folder a relative SQLite file is found in: the app's content root (Core takes it as a parameter).</summary>
internal sealed record ArchiveContentRoot(string Path);
