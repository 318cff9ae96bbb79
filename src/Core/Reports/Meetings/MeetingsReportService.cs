using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>
/// Reads the meetings report from the archive: makes the period's months present first (a month never read is read
/// now; one that cannot be read is the upstream's failure), then asks the database for the page (a page of an unchanged copy is kept: <see cref="MeetingPages"/>).
/// </summary>
internal sealed class MeetingsReportService(
    IArchivePeriods periods,
    ArchiveContext context,
    IRoomDirectory rooms,
    MeetingCounts counts,
    MeetingPages pages,
    ReaderCollations collations,
    UpstreamZone zone) : IMeetingsReportService
{
    public async Task<UpstreamResult<MeetingsReport>> GetAsync(MeetingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var period = request.Query.Period;
        var held = await periods.HeldAsync(period, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            var ensured = await periods.EnsureAsync(period, progress: null, cancellationToken).ConfigureAwait(false);
            if (!ensured.Succeeded)
            {
                return UpstreamResult<MeetingsReport>.Failed(ensured.Failure);
            }

            held = ensured.Value;
        }

        // The room list never fails (it degrades to host ids); the archive's names fill in where it knows none.
        var roomList = await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false);
        var matchingRooms = await MeetingsQuery.RoomsNamedAsync(context, roomList, request.Search, cancellationToken).ConfigureAwait(false);
        var ordering = await MeetingOrdering.PrepareAsync(context, roomList, request.Order, request.TextOrder, collations, cancellationToken).ConfigureAwait(false);
        var total = await counts.GetAsync(held, request, () => MeetingsQuery.CountAsync(context, request, matchingRooms, cancellationToken)).ConfigureAwait(false);
        var archived = await pages.GetAsync(held, request, roomList, () => MeetingsQuery.PageAsync(context, request, total, matchingRooms, ordering, cancellationToken)).ConfigureAwait(false);
        var rows = archived.Select(row => new MeetingRow(
            row.Uuid,
            row.HostId,
            NameOf(roomList, row),
            row.MeetingId,
            row.Topic,
            zone.Attach(row.Start),
            row.End is { } end ? zone.Attach(end) : null,
            row.ScheduledMinutes,
            row.ActualMinutes,
            row.IsExtra,
            row.Participants,
            row.PhoneMinutes,
            row.PhoneCost)).ToList();
        return UpstreamResult<MeetingsReport>.Success(
            new MeetingsReport(request, total, roomList, rows, MeetingTotals.From(rows), zone.Describe(), held.DataAsOf) { DataIsFinal = held.IsFinal });
    }

    private static string NameOf(RoomList roomList, ArchivedRow row) =>
        roomList.Contains(row.HostId) || row.ArchivedRoomName is null ? roomList.NameOf(row.HostId) : row.ArchivedRoomName;
}
