using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Meetings;

internal sealed class MeetingsReportService(IMeetingReader reader, IRoomDirectory rooms, UpstreamZone zone) : IMeetingsReportService
{
    public async Task<UpstreamResult<MeetingsReport>> GetAsync(MeetingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Names and meetings are independent calls; the room list never fails (it degrades to host ids).
        var roomsTask = rooms.GetRoomsAsync(cancellationToken);
        var page = await reader.GetPageAsync(request.Query, request.PageSize, request.PageNumber, cancellationToken).ConfigureAwait(false);
        var roomList = await roomsTask.ConfigureAwait(false);

        if (!page.Succeeded)
        {
            return UpstreamResult<MeetingsReport>.Failed(page.Failure);
        }

        var meetings = page.Value.Meetings;
        var rows = meetings.Select(meeting => new MeetingRow(meeting, roomList.NameOf(meeting.HostId))).ToList();
        return UpstreamResult<MeetingsReport>.Success(
            new MeetingsReport(page.Value, roomList, rows, MeetingTotals.From(meetings), zone.Describe()));
    }
}
