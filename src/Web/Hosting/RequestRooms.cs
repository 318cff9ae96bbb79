using UMeetingReports.Core.Rooms;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// The room list as one request (or one background job, which has a scope of its own) sees it: read once, then
/// shared by the filter's check, the page and the report it calls.
/// </summary>
internal sealed class RequestRooms(IRoomDirectory directory) : IRoomDirectory
{
    private Task<RoomList>? _rooms;

    public Task<RoomList> GetRoomsAsync(CancellationToken cancellationToken) => _rooms ??= directory.GetRoomsAsync(cancellationToken);
}
