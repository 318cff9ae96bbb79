using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Rooms;

namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>
/// The pages of the meetings report as the archive last gave them, kept while it holds the same copies of the period's
/// months (their completion times are part of the key, as for <see cref="MeetingCounts"/>): the page query was the
/// largest part of a /meetings request once the total was kept, and a bookmarked or paged report asks the same page
/// again and again. Not kept: a search (it also matches room names, which change without any month being written
/// again) and the order by room (ranked by the names). A kept page is used only while the room list names every room
/// on it, so the archive's own room names, which the page falls back on, never come from the cache. At most
/// <see cref="MaxRows"/> rows are kept (a page counts its rows), the least recently used going first when it is full.
/// </summary>
internal sealed class MeetingPages : IDisposable
{
    /// <summary>How many rows are kept at most over every page (a row is a few hundred bytes).</summary>
    internal const int MaxRows = 20_000;

    private readonly KeptFigures _pages = new(MaxRows);

    /// <summary>The request's page of the held <paramref name="months"/>: the kept one when it may be, else <paramref name="read"/>'s.</summary>
    public async Task<IReadOnlyList<ArchivedRow>> GetAsync(ArchivedPeriod months, MeetingsRequest request, RoomList rooms, Func<Task<List<ArchivedRow>>> read)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(read);
        if (!string.IsNullOrEmpty(request.Search) || request.Sort == MeetingSort.Room)
        {
            return await read().ConfigureAwait(false);
        }

        var key = new Key(request, months.Copies);
        if (_pages.TryGet(key, out ArchivedRow[]? kept) && rooms.NamesEvery(kept, static row => row.HostId))
        {
            return kept;
        }

        var page = (await read().ConfigureAwait(false)).ToArray();
        _pages.Keep(key, page, page.Length);
        return page;
    }

    public void Dispose() => _pages.Dispose();

    private sealed record Key(MeetingsRequest Request, string Copies);
}
