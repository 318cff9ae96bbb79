using UMeetingReports.Core.Rooms;
using UMeetingReports.Web.Hosting;

namespace UMeetingReports.Web.E2E.Hosting;

public sealed class RequestRoomsTests
{
    [Fact]
    public async Task The_filter_the_page_and_the_report_of_one_request_share_one_read_of_the_room_list()
    {
        // Arrange
        var directory = new CountingDirectory();
        var rooms = new RequestRooms(directory);

        // Act
        var first = await rooms.GetRoomsAsync(TestContext.Current.CancellationToken);
        var second = await rooms.GetRoomsAsync(TestContext.Current.CancellationToken);
        var third = await rooms.GetRoomsAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, directory.Reads);
        Assert.Same(first, second);
        Assert.Same(first, third);
    }

    [Fact]
    public async Task Another_request_reads_the_room_list_again()
    {
        // Arrange
        var directory = new CountingDirectory();

        // Act
        await new RequestRooms(directory).GetRoomsAsync(TestContext.Current.CancellationToken);
        await new RequestRooms(directory).GetRoomsAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, directory.Reads);
    }

    private sealed class CountingDirectory : IRoomDirectory
    {
        public int Reads { get; private set; }

        public Task<RoomList> GetRoomsAsync(CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(new RoomList([new Room("h1", "Room one", Capacity: null)], IsKnown: true));
        }
    }
}
