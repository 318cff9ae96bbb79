namespace UMeetingReports.Core.Archive;

// What several instances of the app share through the archive's database, beside the archive itself: the sessions
// ended by sign-out, the sign-in counters, the leases that let one instance at a time read the meeting service, and
// the background downloads. Their times are instants in UTC (Kind Unspecified, so that PostgreSQL keeps them in a
// "timestamp without time zone" column like every other time here); the names of those properties end in Utc.

/// <summary>A session ended by sign-out: a cookie carrying its id is refused until it would have expired anyway.</summary>
internal sealed class EndedSession
{
    public required string SessionId { get; set; }

    /// <summary>When the last cookie that could carry this session expires; the row may be deleted after that.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}

/// <summary>
/// Sign-in attempts counted under one key (a user name, a client address, or both) in a fixed window. An attempt is
/// counted before its password is checked, so that parallel attempts cannot all pass a check of the count.
/// </summary>
internal sealed class SignInCounter
{
    public required string Key { get; set; }

    /// <summary>Attempts counted in the window (a right password takes its own back).</summary>
    public int Attempts { get; set; }

    public DateTime WindowStartedUtc { get; set; }

    /// <summary>For a key that only slows attempts down: the earliest next check once the window's count is used up.</summary>
    public DateTime NextCheckUtc { get; set; }
}

/// <summary>
/// A lease: <see cref="Holder"/> (an instance) may do the work named <see cref="Name"/> until <see cref="ExpiresAtUtc"/>
/// unless it renews it; another instance takes it over once it has expired.
/// </summary>
internal sealed class Lease
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}

/// <summary>
/// A background download as every instance sees it: whose it is, what it makes, how far it got, and which instance
/// runs it (its heartbeat says that instance is alive). The file itself is in Exports:Folder.
/// </summary>
public sealed class DownloadJobRecord
{
    public required string Id { get; set; }

    public required string Owner { get; set; }

    /// <summary>The download's address (its filters): a second start of the same download joins the unfinished job.</summary>
    public required string WorkKey { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    /// <summary>The file's name inside Exports:Folder (random, unrelated to the name it is downloaded under).</summary>
    public required string StoredFile { get; set; }

    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    public string? HostId { get; set; }

    /// <summary>The one meeting record the download holds; null for every meeting of the period.</summary>
    public string? Uuid { get; set; }

    /// <summary>The meetings report's search (trimmed) the download is narrowed to, as its list is; null for none.</summary>
    public string? Search { get; set; }

    /// <summary>The display name (exact) whose meetings the download holds, as the meetings report lists them; null for everyone's.</summary>
    public string? Participant { get; set; }

    /// <summary>The participants report's name search: only the joins of matching names, and their meetings; null for everyone.</summary>
    public string? ParticipantName { get; set; }

    /// <summary>The one table a CSV file holds (meetings, participants, telephony or people), as the address names it; null for the workbook.</summary>
    public string? CsvTable { get; set; }

    /// <summary>The meetings report's order the file's meetings follow, as its address writes it (<c>phone_cost desc</c>); null for the archive's order, oldest first.</summary>
    public string? MeetingOrder { get; set; }

    /// <summary>waiting, running, done, failed or cancelled.</summary>
    public required string State { get; set; }

    /// <summary>gathering, writing or done.</summary>
    public required string Stage { get; set; }

    public int WindowsDone { get; set; }

    public int WindowsTotal { get; set; }

    public int PagesDone { get; set; }

    public int PagesTotal { get; set; }

    public long Rows { get; set; }

    public long? RowsTotal { get; set; }

    public int Percent { get; set; }

    /// <summary>The sheets written, as JSON [{"name":…,"rows":…}]; null until done.</summary>
    public string? Sheets { get; set; }

    /// <summary>Why it failed, as JSON (the upstream failure) or a sentence; null otherwise.</summary>
    public string? Failure { get; set; }

    /// <summary>Set by whichever instance the owner asked to cancel; the running instance stops when it sees it.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The instance that runs the job.</summary>
    public required string Instance { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Renewed by the running instance while the job waits or runs; a stale one means that instance died.</summary>
    public DateTime HeartbeatAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }
}
