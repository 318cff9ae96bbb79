using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// The SHA-256 (hex) that cache keys use to name an account without its key. Every cached read hashes the same
/// few texts again; the last ones are kept, so a warm read compares a string instead of hashing it.
/// </summary>
internal static class AccountHash
{
    private const int Kept = 64;

    private static readonly ConcurrentDictionary<string, string> Hashes = new(StringComparer.Ordinal);

    public static string Of(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Hashes.TryGetValue(account, out var hash))
        {
            return hash;
        }

        hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account)));
        if (Hashes.Count >= Kept)
        {
            // Filters vary without end; an account's few texts come straight back after a clear.
            Hashes.Clear();
        }

        Hashes.TryAdd(account, hash);
        return hash;
    }
}
