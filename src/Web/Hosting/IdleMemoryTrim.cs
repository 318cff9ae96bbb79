namespace UMeetingReports.Web.Hosting;

/// <summary>
/// Gives the managed heap's reserve back to the system once the process has gone quiet after a burst of work (reports
/// over long periods, a fill of months). Under load the collector promotes each request's lists to its oldest
/// generation and lets that generation grow to a multiple of what was live at its last full collection; an idle process
/// runs no collection that would return it, so the resident set would stay at the load's height for as long as the
/// process runs (bench/README.md, "A4"). One blocking, compacting, aggressive collection when the work stops returns it,
/// at the cost of a pause of some tens of milliseconds when nobody is waiting.
/// </summary>
internal sealed partial class IdleMemoryTrim(TimeProvider time, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    /// <summary>How often the allocations are looked at; a trim follows the end of the work within two of these.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When this process last trimmed (<see cref="Environment.TickCount64"/>). The heap and the allocation count are the
    /// process's, so hosts that share a process (the tests' servers) see the same quiet at the same tick: the first
    /// trims for all of them.
    /// </summary>
    private static long s_lastTrim = long.MinValue / 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watch = new IdleWatch();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (watch.ShouldTrim(GC.GetTotalAllocatedBytes()) && ClaimTrim())
                {
                    Trim();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private static bool ClaimTrim()
    {
        var last = Interlocked.Read(ref s_lastTrim);
        var now = Environment.TickCount64;
        return now - last >= (long)Interval.TotalMilliseconds && Interlocked.CompareExchange(ref s_lastTrim, now, last) == last;
    }

    private void Trim()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
        LogTrimmed(logger, before / (1024 * 1024), after / (1024 * 1024));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The process went quiet after its work: the managed heap's memory was given back ({BeforeMiB} MiB committed before, {AfterMiB} MiB after)")]
    private static partial void LogTrimmed(ILogger logger, long beforeMiB, long afterMiB);
}

/// <summary>
/// Decides from the process's running total of allocated bytes, read once an interval, when it has just gone quiet
/// after work worth a collection: at least <see cref="WorkBytes"/> allocated since the last trim, then an interval
/// that allocated at most <see cref="QuietBytes"/>. Steady work is never interrupted, and a quiet process is trimmed once.
/// </summary>
internal sealed class IdleWatch
{
    /// <summary>Less than this allocated in an interval is quiet: what scrapes and health probes of an idle app allocate.</summary>
    public const long QuietBytes = 2L * 1024 * 1024;

    /// <summary>At least this allocated since the last trim makes a trim worth its pause.</summary>
    public const long WorkBytes = 64L * 1024 * 1024;

    private long? _previous;
    private long _sinceTrim;

    public bool ShouldTrim(long allocatedBytes)
    {
        if (_previous is not { } previous)
        {
            _previous = allocatedBytes;
            return false;
        }

        var step = Math.Max(0, allocatedBytes - previous);
        _previous = allocatedBytes;
        _sinceTrim += step;
        if (step > QuietBytes || _sinceTrim < WorkBytes)
        {
            return false;
        }

        _sinceTrim = 0;
        return true;
    }
}
