using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Core.Instances;

internal sealed class EndedSessions(ArchiveDatabase database, TimeProvider clock) : IEndedSessions
{
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

        // Sessions whose cookies have all expired are of no use any more.
        await context.EndedSessions.Where(session => session.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateDbContext();
        return await context.EndedSessions.AnyAsync(session => session.SessionId == sessionId, cancellationToken).ConfigureAwait(false);
    }
}
