using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// The month windows that hold a copy, as last read from <c>month_windows</c>, shared by every request of this
/// instance: every report asks which of its months are held, and asking the database each time cost a tenth of a
/// /meetings request. A month once held stays held (a failed refresh keeps its copy), so the snapshot is trusted only
/// to say "held": a month it lacks is looked up in the database again. What it can have wrong is a newer copy's
/// completion time: a window this instance writes replaces the snapshot at once (<see cref="Invalidate"/>), one
/// written by another instance on the same database is seen within <see cref="Lifetime"/>.
/// </summary>
internal sealed class HeldMonths(UpstreamZone zone)
{
    /// <summary>How long a snapshot answers before the table is read again (another instance's new copies show then).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private Snapshot? _snapshot;

    /// <summary>Counts the invalidations, so that a read that began before one does not become the snapshot.</summary>
    private long _generation;

    /// <summary>The windows with a copy, by month, no older than <see cref="Lifetime"/> (or read now with <paramref name="fresh"/>).</summary>
    public async Task<IReadOnlyDictionary<DateOnly, HeldWindow>> GetAsync(ArchiveContext context, bool fresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The app's own clock (the service's "now"), the one the windows' times are written by.
        var now = zone.Now;
        var snapshot = Volatile.Read(ref _snapshot);
        if (!fresh && snapshot is not null && now >= snapshot.TakenAt && now - snapshot.TakenAt < Lifetime)
        {
            return snapshot.Windows;
        }

        // Taken before the read: a window written meanwhile makes this snapshot's successor, not this one, current.
        var generation = Volatile.Read(ref _generation);
        var rows = await context.MonthWindows.AsNoTracking()
            .Where(window => window.CompletedAt != null)
            .Select(window => new HeldWindow(window.Month, window.State, window.Records, window.CompletedAt!.Value, window.UpstreamRequests, window.LastError, window.Settled))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var windows = rows.ToDictionary(window => window.Month);
        if (Volatile.Read(ref _generation) == generation)
        {
            Volatile.Write(ref _snapshot, new Snapshot(windows, now));
        }

        return windows;
    }

    /// <summary>A window's row changed on this instance: the next ask reads the table.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _snapshot, null);
    }

    private sealed record Snapshot(Dictionary<DateOnly, HeldWindow> Windows, DateTimeOffset TakenAt);
}

/// <summary>A month window with a copy, as <c>month_windows</c> describes it.</summary>
internal sealed record HeldWindow(DateOnly Month, MonthWindowState State, int Records, DateTime CompletedAt, int UpstreamRequests, string? LastError, bool Settled);
