namespace UMeetingReports.Web.Jobs;

/// <summary>
/// How one use of <see cref="JobRegistry{TJob}"/> keeps its jobs; every use has its own registry and limits.
/// </summary>
/// <param name="Kind">What the jobs are, for the log ("Download", "Gathering").</param>
/// <param name="MaxRunning">Jobs that run at once; later ones wait their turn.</param>
/// <param name="KeepEndedFor">How long an ended job stays findable (its result, its file) before it is forgotten.</param>
internal sealed record JobPolicy(string Kind, int MaxRunning, TimeSpan KeepEndedFor)
{
    private static readonly TimeSpan LongestSweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>Unfinished jobs one owner may have; one more is refused. None: no limit.</summary>
    public int? MaxPerOwner { get; init; }

    /// <summary>An unfinished job its owner has not asked for in this long is cancelled and forgotten. None: never.</summary>
    public TimeSpan? AbandonAfter { get; init; }

    /// <summary>
    /// A start of the same work joins an ended job not forgotten yet (its result is still wanted), instead of only an
    /// unfinished one.
    /// </summary>
    public bool JoinEnded { get; init; }

    /// <summary>Often enough that a job outlives its lifetime by a quarter of it at most, and at least once a minute.</summary>
    public TimeSpan SweepInterval
    {
        get
        {
            var shortest = AbandonAfter is { } abandon && abandon < KeepEndedFor ? abandon : KeepEndedFor;
            return shortest / 4 < LongestSweepInterval ? shortest / 4 : LongestSweepInterval;
        }
    }
}
