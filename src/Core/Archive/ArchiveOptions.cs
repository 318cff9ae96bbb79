namespace UMeetingReports.Core.Archive;

/// <summary>
/// The "Archive" configuration section, plus ConnectionStrings:Archive. Checked at start by
/// <see cref="ArchiveOptionsValidator"/>: a wrong value stops the app with a sentence that names the setting.
/// </summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    public const string ConnectionStringName = "Archive";

    public const string SqliteProvider = "Sqlite";

    public const string PostgreSqlProvider = "PostgreSQL";

    /// <summary>The default SQLite file, relative to the app's content root.</summary>
    public static readonly string DefaultSqliteFile = Path.Combine("data", "archive.db");

    /// <summary><c>Sqlite</c> (the default) or <c>PostgreSQL</c>.</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// ConnectionStrings:Archive. Empty with SQLite: the file data/archive.db under the content root. A relative SQLite
    /// file is taken from the content root too.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The first month kept (its day is ignored). Null: the month 13 months before today, in the service's zone.</summary>
    public DateOnly? Since { get; set; }

    /// <summary>How often the current month (whose meetings still change) is read again.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A past month is read once more when this much time has passed since it ended, then left alone.</summary>
    public TimeSpan SettleAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// False: this instance never reads the service on its own schedule; months are read only when a report or an
    /// admin asks for them.
    /// </summary>
    public bool Schedule { get; set; } = true;

    /// <summary>
    /// Month windows read at once; their pages share the UMeeting:MaxConcurrency slots. A window asks its first page
    /// alone and the rest once that page says how many there are, and holds its rows until they are written, so it
    /// takes about twice MaxConcurrency windows to keep every slot busy through a fill.
    /// </summary>
    public int ConcurrentWindows { get; set; } = 8;

    /// <summary>The months before this are never read by the schedule (only on demand).</summary>
    public const int DefaultMonthsBack = 13;
}
