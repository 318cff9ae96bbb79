namespace UMeetingReports.Core.Archive;

/// <summary>
/// What /archive shows: the archive's settings in force, one row per month window (newest first), and the upstream
/// attempts this app has made since it started.
/// </summary>
public sealed record ArchiveOverview(ArchiveSettingsInForce Settings, IReadOnlyList<ArchiveWindowRow> Windows, long UpstreamRequests);

/// <summary>
/// The archive's settings as this app runs them. <paramref name="Location"/> names the SQLite file (its full path) or
/// the PostgreSQL database and server ("umeeting on db:5432"), never a password: facts for a sentence in the reader's
/// language. <paramref name="FirstMonth"/> is Archive:Since's month (or its default).
/// </summary>
public sealed record ArchiveSettingsInForce(
    string Provider,
    string Location,
    DateOnly FirstMonth,
    bool SinceIsDefault,
    TimeSpan RefreshInterval,
    TimeSpan SettleAfter,
    bool Schedule);

/// <summary>
/// One month window. <paramref name="Records"/> and <paramref name="CompletedAt"/> describe the copy held (that of the
/// last complete read, kept when a later read failed); <paramref name="UpstreamRequests"/> and
/// <paramref name="LastError"/> describe the last read. Times are in the service's zone.
/// </summary>
public sealed record ArchiveWindowRow(
    DateOnly Month,
    ArchiveWindowState State,
    int Records,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? LastReadAt,
    int UpstreamRequests,
    string? LastError,
    bool Settled)
{
    /// <summary>
    /// <paramref name="LastError"/> coded, for the page to word in its reader's language; null for a sentence stored by
    /// an older version (shown as written).
    /// </summary>
    public UMeetingReports.Core.Upstream.UpstreamFailure? LastFailure { get; init; }
}

/// <summary>Where a month window stands, as /archive shows it.</summary>
public enum ArchiveWindowState
{
    /// <summary>Never read (or a read that was interrupted by a stop of the app).</summary>
    Pending,

    /// <summary>Being read now.</summary>
    Syncing,

    /// <summary>The last read was complete and is the copy held.</summary>
    Synced,

    /// <summary>The last read failed; the copy of the read before it, if any, is kept.</summary>
    Failed,
}

/// <summary>The archive's page: its windows and settings, and a month read again on an admin's request.</summary>
public interface IArchiveOverview
{
    /// <summary>Throws <see cref="ArchiveUnavailableException"/> (or the provider's DbException) when the database cannot be read.</summary>
    Task<ArchiveOverview> GetAsync(CancellationToken cancellationToken);
}
