using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>
/// How many meetings the meetings report lists for a query and its search and person, the period's months made present
/// in the archive first: what a download of that list holds.
/// </summary>
public interface IListedMeetingCount
{
    /// <param name="search">The report's search (a meeting ID's beginning, part of a topic or room name, a record id); null or blank for none.</param>
    /// <param name="participant">A display name, exact: only the meetings it joined; null or empty for everyone's.</param>
    Task<UpstreamResult<int>> CountAsync(MeetingQuery query, string? search, string? participant, CancellationToken cancellationToken);
}

/// <summary>Counts with the report's own query (<see cref="MeetingsQuery.Filtered(ArchiveContext, MeetingQuery, string?, string?, IReadOnlyCollection{string})"/>).</summary>
internal sealed class ListedMeetingCount(ArchiveReader archive, IRoomDirectory rooms) : IListedMeetingCount
{
    public async Task<UpstreamResult<int>> CountAsync(MeetingQuery query, string? search, string? participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ensured = await archive.EnsureAsync(query.Period, progress: null, cancellationToken).ConfigureAwait(false);
        if (!ensured.Succeeded)
        {
            return UpstreamResult<int>.Failed(ensured.Failure);
        }

        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var roomList = text is null ? RoomList.Unknown : await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false);
        var listed = await MeetingsQuery.ListedAsync(archive.Context, roomList, query, text, string.IsNullOrEmpty(participant) ? null : participant, cancellationToken).ConfigureAwait(false);
        return UpstreamResult<int>.Success(await listed.CountAsync(cancellationToken).ConfigureAwait(false));
    }
}
