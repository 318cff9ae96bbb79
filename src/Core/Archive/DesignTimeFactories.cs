using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// For <c>dotnet ef migrations add</c> only: a context of each provider without the app's configuration. Adding a
/// migration needs no database; the connection strings are placeholders that are never opened.
/// </summary>
internal sealed class SqliteArchiveContextDesignFactory : IDesignTimeDbContextFactory<SqliteArchiveContext>
{
    public SqliteArchiveContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteArchiveContext>()
            .UseSqlite("Data Source=design-time.db", ArchiveDatabase.ConfigureSqlite)
            .Options);
}

/// <inheritdoc cref="SqliteArchiveContextDesignFactory"/>
internal sealed class PostgreSqlArchiveContextDesignFactory : IDesignTimeDbContextFactory<PostgreSqlArchiveContext>
{
    public PostgreSqlArchiveContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlArchiveContext>()
            .UseNpgsql("Host=design-time;Database=umeeting", ArchiveDatabase.ConfigureNpgsql)
            .Options);
}
