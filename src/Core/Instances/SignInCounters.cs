using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Core.Instances;

/// <summary>
/// One row per key; the check of the count and the count itself are one UPDATE with the limit in its WHERE clause,
/// which the database runs one at a time per row (SQLite's write lock, PostgreSQL's row lock with the condition
/// checked again after the wait), so no two attempts both see the last free place.
/// </summary>
internal sealed class SignInCounters(ArchiveDatabase database, TimeProvider clock) : ISignInCounters
{
    // A flood of invented names must not grow the table without bound: now and then, windows long over are deleted.
    private const int SweepEvery = 200;
    private int _counted;

    public async Task<TimeSpan?> TryCountAsync(string key, int limit, TimeSpan window, TimeSpan? slowTo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var context = database.CreateDbContext();

        // A key found full may be cleared (a right password) before its row is read back: the count is then taken
        // again under the cleared key. A few rounds at most; past them the attempt waits a second like a refused one.
        for (var round = 0; round < 3; round++)
        {
            var instant = clock.GetUtcNow();
            var now = Stamps.Of(instant);
            var over = Stamps.Of(instant - window);
            var next = Stamps.Of(instant + (slowTo ?? TimeSpan.Zero));
            var slow = slowTo is not null;
            await context.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO sign_in_counters ("key", attempts, window_started_utc, next_check_utc) VALUES ({key}, 0, {now}, {now})
                ON CONFLICT ("key") DO NOTHING
                """,
                cancellationToken).ConfigureAwait(false);
            var counted = await context.Database.ExecuteSqlAsync(
                $"""
                UPDATE sign_in_counters SET
                  attempts = CASE WHEN window_started_utc <= {over} THEN 1 ELSE attempts + 1 END,
                  window_started_utc = CASE WHEN window_started_utc <= {over} THEN {now} ELSE window_started_utc END,
                  next_check_utc = {next}
                WHERE "key" = {key} AND (window_started_utc <= {over} OR attempts < {limit} OR ({slow} AND next_check_utc <= {now}))
                """,
                cancellationToken).ConfigureAwait(false);
            if (counted == 1)
            {
                if (Interlocked.Increment(ref _counted) % SweepEvery == 0)
                {
                    await context.SignInCounters.Where(counter => counter.WindowStartedUtc <= over).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                }

                return null;
            }

            var row = await context.SignInCounters.AsNoTracking().SingleOrDefaultAsync(counter => counter.Key == key, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                continue;
            }

            var windowEnds = Stamps.ToInstant(row.WindowStartedUtc) + window;
            var allowedAt = slow && Stamps.ToInstant(row.NextCheckUtc) < windowEnds ? Stamps.ToInstant(row.NextCheckUtc) : windowEnds;
            var wait = allowedAt - instant;
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }

        return TimeSpan.FromSeconds(1);
    }

    public async Task UncountAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        await context.SignInCounters
            .Where(counter => counter.Key == key && counter.Attempts > 0)
            .ExecuteUpdateAsync(setters => setters.SetProperty(counter => counter.Attempts, counter => counter.Attempts - 1), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task ClearAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        await context.SignInCounters.Where(counter => counter.Key == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
