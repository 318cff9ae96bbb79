using System.Linq.Expressions;
using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// The archive: the DbContext is the repository (reports query it with LINQ). One model for both providers; the two
/// subclasses exist only so that each provider has its own migrations (<see cref="SqliteArchiveContext"/>,
/// <see cref="PostgreSqlArchiveContext"/>), and add what only their database has.
/// </summary>
/// <remarks>
/// Every <see cref="DateTime"/> column holds a wall-clock value of the service's zone (UMeeting:TimeZone), Kind
/// Unspecified, never an instant of the server's clock: SQLite stores it as ISO text, PostgreSQL as
/// <c>timestamp without time zone</c>. Both give back exactly the value written (whole microseconds).
/// </remarks>
internal abstract class ArchiveContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Yuan to the fen: up to a trillion yuan, two decimals, the same on both providers.</summary>
    public const int MoneyPrecision = 14;

    public const int MoneyScale = 2;

    /// <summary>
    /// An amount of money as whole fen, counted by the database (round(amount × 100) as a 64-bit integer), for sums:
    /// the database adds integers natively and exactly, where a decimal sum on SQLite calls back into .NET for every
    /// row (EF's ef_sum, which parses the amount's text each time). Exact for every amount the archive
    /// accepts (to the fen, under a trillion yuan: its double on SQLite is within 0.0002 of it, far from half a fen).
    /// Only for queries; <see cref="FromFen"/> turns a sum back into yuan.
    /// </summary>
    public static long Fen(decimal amount) => throw new NotSupportedException("Fen is counted by the database, in a query.");

    /// <summary>Whole fen as yuan, at the fen's scale (1200 is 12.00).</summary>
    public static decimal FromFen(long fen) => fen * 0.01m;

    public DbSet<ArchivedRoom> Rooms => Set<ArchivedRoom>();

    public DbSet<ArchivedMeeting> Meetings => Set<ArchivedMeeting>();

    public DbSet<ParticipantSession> ParticipantSessions => Set<ParticipantSession>();

    public DbSet<TelephonyLeg> TelephonyLegs => Set<TelephonyLeg>();

    public DbSet<RoomDayName> RoomDayNames => Set<RoomDayName>();

    public DbSet<MonthWindow> MonthWindows => Set<MonthWindow>();

    /// <summary>The data-protection key ring (sign-in cookies, antiforgery tokens), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();

    public DbSet<SignInCounter> SignInCounters => Set<SignInCounter>();

    public DbSet<Lease> Leases => Set<Lease>();

    public DbSet<DownloadJobRecord> DownloadJobs => Set<DownloadJobRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveContext).Assembly, type => type.Namespace == typeof(Configurations.MonthWindowConfiguration).Namespace);

        // snake_case columns, so that a statement written by hand (a benchmark's baseline, an operator's query) reads
        // the same on both databases without quoting.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                {
                    property.SetColumnName(SnakeCase(property.Name));
                }
            }
        }
    }

    /// <summary><see cref="Fen"/> as CAST(round(amount * 100) AS the provider's 64-bit integer).</summary>
    private protected static void MapFen(ModelBuilder modelBuilder, RelationalTypeMapping bigint, RelationalTypeMapping integer)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDbFunction(typeof(ArchiveContext).GetMethod(nameof(Fen))!)
            .HasTranslation(arguments => new SqlUnaryExpression(
                ExpressionType.Convert,
                new SqlFunctionExpression(
                    "round",
                    [new SqlBinaryExpression(ExpressionType.Multiply, arguments[0], new SqlConstantExpression(100, typeof(int), integer), typeof(decimal), arguments[0].TypeMapping)],
                    nullable: true,
                    argumentsPropagateNullability: [true],
                    typeof(decimal),
                    arguments[0].TypeMapping),
                typeof(long),
                bigint));
    }

    internal static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 8);
        for (var index = 0; index < name.Length; index++)
        {
            var character = name[index];
            if (char.IsUpper(character))
            {
                if (index > 0)
                {
                    snake.Append('_');
                }

                snake.Append(char.ToLowerInvariant(character));
            }
            else
            {
                snake.Append(character);
            }
        }

        return snake.ToString();
    }
}

/// <summary>The archive in a SQLite file (the default).</summary>
internal sealed class SqliteArchiveContext(DbContextOptions<SqliteArchiveContext> options) : ArchiveContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite keeps a decimal as text without its trailing zeros (1.50 comes back 1.5); PostgreSQL's numeric(14,2)
        // gives 1.50. Read back at the fen's scale, both providers hand out the same value, written the same way.
        configurationBuilder.Properties<decimal>().HaveConversion<FenScale>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        MapFen(modelBuilder, new LongTypeMapping("INTEGER"), new IntTypeMapping("INTEGER"));
    }

    private sealed class FenScale() : ValueConverter<decimal, decimal>(value => value, value => value + 0.00m);
}

/// <summary>The archive on a PostgreSQL server.</summary>
internal sealed class PostgreSqlArchiveContext(DbContextOptions<PostgreSqlArchiveContext> options) : ArchiveContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Npgsql maps DateTime to timestamptz, which takes only UTC instants; the archive holds the service's wall-clock
        // values, which are exactly what "timestamp without time zone" keeps.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");

        // The same for a DateTime that is no property (a parameter of a statement written by hand, such as a lease's upsert).
        configurationBuilder.DefaultTypeMapping<DateTime>().HasColumnType("timestamp without time zone");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        MapFen(modelBuilder, new LongTypeMapping("bigint"), new IntTypeMapping("integer"));

        // A topic search is "contains": a trigram index serves LIKE '%…%' (pg_trgm is a trusted extension, so the
        // database owner may create it). A meeting-ID prefix is LIKE '…%', which needs the pattern operators under
        // any collation but C.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<ArchivedMeeting>().HasIndex(meeting => meeting.TopicSearch).HasMethod("gin").HasOperators("gin_trgm_ops");
        modelBuilder.Entity<ArchivedMeeting>().HasIndex(meeting => meeting.MeetingId).HasOperators("text_pattern_ops");
    }
}
