namespace UMeetingReports.Core.Instances;

/// <summary>
/// Sign-in attempts counted in the archive's database, atomically, so that every instance counts into one figure and
/// parallel attempts cannot all slip under a limit: an attempt is counted before its password is checked.
/// </summary>
public interface ISignInCounters
{
    /// <summary>
    /// Counts one attempt under <paramref name="key"/> and returns null, or returns how long until one would be
    /// counted, when the key has its <paramref name="limit"/> attempts in <paramref name="window"/> already. With
    /// <paramref name="slowTo"/>, a key past its limit is not shut for the window: it allows one attempt per that
    /// interval.
    /// </summary>
    Task<TimeSpan?> TryCountAsync(string key, int limit, TimeSpan window, TimeSpan? slowTo, CancellationToken cancellationToken);

    /// <summary>Takes one counted attempt back (a right password, or an attempt another key refused).</summary>
    Task UncountAsync(string key, CancellationToken cancellationToken);

    /// <summary>Forgets the key's attempts.</summary>
    Task ClearAsync(string key, CancellationToken cancellationToken);
}
