namespace UMeetingReports.Core.Archive;

/// <summary>
/// The bookkeeping of one calendar month of the whole account: what the last read did, and what copy the archive
/// holds. A window that failed keeps the copy of its last complete read (<see cref="CompletedAt"/> not null).
/// Times are wall-clock values in the service's zone, as the service's own times are.
/// </summary>
internal sealed class MonthWindow
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public MonthWindowState State { get; set; }

    /// <summary>Meetings of the copy held (of the last complete read).</summary>
    public int Records { get; set; }

    /// <summary>When the copy held was read completely; null while the month has never been read whole.</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>When the last read (complete or not) started.</summary>
    public DateTime? LastReadAt { get; set; }

    /// <summary>Upstream requests (attempts, retries included) the last read cost.</summary>
    public int UpstreamRequests { get; set; }

    /// <summary>Why the last read failed, a sentence safe to show; null after a complete read.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// True once the copy held was read after the month ended plus Archive:SettleAfter: the service's late changes are
    /// in, and the month is left alone.
    /// </summary>
    public bool Settled { get; set; }

    /// <summary>
    /// True once the copy's day names carry each name's sums (<see cref="RoomDayName.Meetings"/> and the rest): every
    /// copy written since they exist. A copy written before is summed from its participant rows when the app starts
    /// (<see cref="ArchiveMigrator"/>).
    /// </summary>
    public bool PeopleSummed { get; set; }
}

/// <summary>Where a month window stands; stored as its lower-case name.</summary>
internal enum MonthWindowState
{
    Pending,
    Syncing,
    Synced,
    Failed,
}
