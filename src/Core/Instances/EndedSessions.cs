using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Instances;

/// <summary>
/// The ended sessions in <c>ended_sessions</c>, with what this instance last learnt of each session it was asked about:
/// every signed-in request of every page asks, and asking the database each time cost about a tenth of a /meetings
/// request. A session once ended stays ended, so only "not ended" can go out of date, and it is believed for
/// <see cref="Lifetime"/> (the same bound as the held months' snapshot, <see cref="HeldMonths.Lifetime"/>): a sign-out
/// on this instance refuses the session at once (<see cref="EndAsync"/> records it here), one on another instance
/// sharing the database within <see cref="Lifetime"/>. At most <see cref="MaxKnown"/> sessions are remembered;
/// forgetting one only costs the next request a query.
/// </summary>
internal sealed class EndedSessions(ArchiveDatabase database, TimeProvider clock, UpstreamZone zone) : IEndedSessions
{
    /// <summary>How long "not ended" is believed before the table is asked again (another instance's sign-out shows then).</summary>
    public static readonly TimeSpan Lifetime = HeldMonths.Lifetime;

    /// <summary>How many sessions are remembered at most (each a few dozen bytes).</summary>
    internal const int MaxKnown = 10_000;

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);

    public async Task EndAsync(string sessionId, DateTimeOffset cookieExpiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var until = Stamps.Of(cookieExpiresAt);
        var now = Stamps.Of(clock.GetUtcNow());
        await using var context = database.CreateDbContext();

        // A second sign-out of the same session (two tabs) keeps the later expiry rather than failing on the key.
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO ended_sessions (session_id, expires_at_utc) VALUES ({sessionId}, {until})
            ON CONFLICT (session_id) DO UPDATE SET expires_at_utc = excluded.expires_at_utc
            """,
            cancellationToken).ConfigureAwait(false);

        // Ended here: refused by this instance from now on, whatever a request that read the table before knew.
        Remember(sessionId, Known.Ended);

        // Sessions whose cookies have all expired are of no use any more.
        await context.EndedSessions.Where(session => session.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken)
    {
        // The app's own clock, as the held months' snapshot keeps its time by.
        var now = zone.Now;
        if (_known.TryGetValue(sessionId, out var known) && (known.IsEnded || (now >= known.CheckedAt && now - known.CheckedAt < Lifetime)))
        {
            return known.IsEnded;
        }

        bool ended;
        await using (var context = database.CreateDbContext())
        {
            ended = await context.EndedSessions.AnyAsync(session => session.SessionId == sessionId, cancellationToken).ConfigureAwait(false);
        }

        // The time of the ask, not of the answer: "not ended" is believed for Lifetime from before the table was read.
        return Remember(sessionId, ended ? Known.Ended : new Known(false, now)).IsEnded;
    }

    /// <summary>Records what was learnt, never replacing "ended" with "not ended"; returns what is now known.</summary>
    private Known Remember(string sessionId, Known learnt)
    {
        if (!_known.ContainsKey(sessionId) && _known.Count >= MaxKnown)
        {
            Forget();
        }

        return _known.AddOrUpdate(sessionId, learnt, (_, current) => current.IsEnded ? current : learnt);
    }

    /// <summary>
    /// Makes room: every "not ended" goes (the next request of each asks the table again). Sessions ended on this
    /// instance are kept unless they alone fill the room; the table refuses them anyway, this only spares the query
    /// and keeps a request that read the table just before their sign-out from believing it for long.
    /// </summary>
    private void Forget()
    {
        foreach (var (session, known) in _known)
        {
            if (!known.IsEnded)
            {
                _known.TryRemove(KeyValuePair.Create(session, known));
            }
        }

        if (_known.Count >= MaxKnown)
        {
            _known.Clear();
        }
    }

    /// <summary>Ended (for good), or not ended as of <see cref="CheckedAt"/>.</summary>
    private sealed record Known(bool IsEnded, DateTimeOffset CheckedAt)
    {
        public static readonly Known Ended = new(true, DateTimeOffset.MinValue);
    }
}
