using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace UMeetingReports.Core.Reports;

/// <summary>
/// What a report worked out from the archive, kept in memory for its next request. The caller's key holds the copies
/// of the months it was read from (<see cref="Archive.ArchivedPeriod.Copies"/>), so nothing is kept past a month
/// written again. An entry stays 5 minutes after its last use and 30 minutes at most. The entries' sizes, in the
/// caller's unit (rows, names), stay under a limit: when it is reached, the least recently used go first.
/// </summary>
internal sealed class KeptFigures(int sizeLimit) : IDisposable
{
    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan AtMost = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = sizeLimit });

    public bool TryGet<T>(object key, [NotNullWhen(true)] out T? value)
        where T : class =>
        _kept.TryGetValue(key, out value) && value is not null;

    public void Keep<T>(object key, T value, int size)
        where T : class =>
        _kept.Set(key, value, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, size),
            SlidingExpiration = Sliding,
            AbsoluteExpirationRelativeToNow = AtMost,
        });

    public void Dispose() => _kept.Dispose();
}
