using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Where one month window stands after a read, or after a check found its copy already there: the copy held
/// (<see cref="Records"/> meetings, read completely at <see cref="CompletedAt"/>, a wall-clock time in the service's
/// zone) and, when the last read failed, why. A month with a copy can be served even when its last read failed.
/// </summary>
public sealed record MonthSyncOutcome(
    DateOnly Month,
    bool Succeeded,
    int Records,
    DateTimeOffset? CompletedAt,
    int UpstreamRequests,
    string? Failure)
{
    /// <summary>True when the archive holds a complete copy of the month (from this read or an earlier one).</summary>
    public bool HasCopy => CompletedAt is not null;

    /// <summary>
    /// Why the last read failed, coded (the meeting service's failure, or the archive's note on the month) and naming
    /// the window it missed; null when it did not fail, or for a note stored as a sentence by an older version.
    /// </summary>
    public UpstreamFailure? UpstreamFailure { get; init; }

    /// <summary>
    /// True when the copy was read after the month settled (Archive:SettleAfter past its end): it is the month's last
    /// read, and its figures no longer change however old the copy is.
    /// </summary>
    public bool Settled { get; init; }

    /// <summary>An outcome from a window's row, whose <paramref name="lastError"/> is kept coded or (older rows) as a sentence.</summary>
    internal static MonthSyncOutcome Of(DateOnly month, bool succeeded, int records, DateTimeOffset? completedAt, int upstreamRequests, string? lastError)
    {
        var failure = StoredFailure.ReadIfStored(lastError);
        return new MonthSyncOutcome(month, succeeded, records, completedAt, upstreamRequests, failure?.Describe() ?? lastError) { UpstreamFailure = failure };
    }
}
