using Microsoft.Extensions.Caching.Memory;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>
/// How many meetings a filter of the meetings report matched, kept while the archive holds the same copies of the
/// period's months (their completion times are part of the key, so a month written again is counted afresh): every
/// page of the table shows the total, and counting it was a second query on every request. A search is not kept: it
/// also matches room names, which change without any month being written again.
/// </summary>
internal sealed class MeetingCounts(IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions Entry = new()
    {
        SlidingExpiration = TimeSpan.FromMinutes(5),
        AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30),
    };

    public async Task<int> GetAsync(ArchivedPeriod months, MeetingsRequest request, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(count);
        if (!string.IsNullOrEmpty(request.Search))
        {
            return await count().ConfigureAwait(false);
        }

        var query = request.Query;
        var key = new Key(query.Period, query.HostId, query.Uuid, request.Participant, months.Copies);
        if (cache.TryGetValue(key, out int kept))
        {
            return kept;
        }

        var counted = await count().ConfigureAwait(false);
        cache.Set(key, counted, Entry);
        return counted;
    }

    private sealed record Key(DatePeriod Period, string? HostId, string? Uuid, string? Participant, string Copies);
}
