namespace UMeetingReports.Core.Instances;

/// <summary>
/// Sessions ended by sign-out, kept in the archive's database until their cookie would have expired, so that a copy
/// of the cookie is refused by every instance and after any restart.
/// </summary>
public interface IEndedSessions
{
    /// <summary>Ends <paramref name="sessionId"/> for good; the row goes once <paramref name="cookieExpiresAt"/> has passed.</summary>
    Task EndAsync(string sessionId, DateTimeOffset cookieExpiresAt, CancellationToken cancellationToken);

    Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken);
}
