using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Core.Instances;

/// <summary>
/// Leases in the archive's database: a row per piece of work that one instance at a time may do ("schedule", a month
/// being read). Taking one is a single upsert that succeeds only when the row is free, expired or already ours; the
/// holder renews it while it works and deletes it when done, and an instance that died loses it when it expires.
/// A lease row rather than a PostgreSQL advisory lock: the same code then runs on SQLite, and a lease outlives no
/// connection and needs none held open for the length of a read.
/// </summary>
internal sealed class ArchiveLeases(ArchiveDatabase database, InstanceIdentity instance, TimeProvider clock)
{
    public string Holder => instance.Id;

    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="duration"/>; false when another instance holds it.</summary>
    public async Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var instant = clock.GetUtcNow();
        var now = Stamps.Of(instant);
        var until = Stamps.Of(instant + duration);
        var holder = instance.Id;
        await using var context = database.CreateDbContext();
        var taken = await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO leases (name, holder, expires_at_utc) VALUES ({name}, {holder}, {until})
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at_utc = excluded.expires_at_utc
            WHERE leases.holder = excluded.holder OR leases.expires_at_utc <= {now}
            """,
            cancellationToken).ConfigureAwait(false);
        return taken == 1;
    }

    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var holder = instance.Id;
        await using var context = database.CreateDbContext();
        await context.Leases.Where(lease => lease.Name == name && lease.Holder == holder).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether any instance holds one of <paramref name="names"/> now (an expired lease is held by nobody).</summary>
    public async Task<bool> AnyHeldAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return false;
        }

        var now = Stamps.Of(clock.GetUtcNow());
        await using var context = database.CreateDbContext();
        return await context.Leases.AnyAsync(lease => names.Contains(lease.Name) && lease.ExpiresAtUtc > now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who holds <paramref name="name"/> now; null when nobody does (or their lease has expired).</summary>
    public async Task<string?> HolderOfAsync(string name, CancellationToken cancellationToken)
    {
        var now = Stamps.Of(clock.GetUtcNow());
        await using var context = database.CreateDbContext();
        return await context.Leases.AsNoTracking()
            .Where(lease => lease.Name == name && lease.ExpiresAtUtc > now)
            .Select(lease => lease.Holder)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }
}
