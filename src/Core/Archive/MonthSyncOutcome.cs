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

    /// <summary>The meeting service's own failure when this read failed on it (null otherwise), naming the window it missed.</summary>
    public UMeetingReports.Core.Upstream.UpstreamFailure? UpstreamFailure { get; init; }
}
