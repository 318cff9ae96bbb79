using System.Net;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Rooms;

public sealed class RoomDirectoryTests
{
    [Fact]
    public async Task Reads_the_vendors_documented_room_list_with_its_numbers_as_strings()
    {
        var upstream = StubUpstream.Json(Fixtures.Read("rooms-vendor-sample.json"));
        await using var core = CoreHarness.Stubbed(upstream);

        var rooms = await core.Rooms.GetRoomsAsync(TestContext.Current.CancellationToken);

        Assert.True(rooms.IsKnown);
        Assert.Equal([new Room("2-Vhs-ODRFS3AvstEXupxQ", "3", 25)], rooms.Rooms);
        var request = Assert.Single(upstream.Requests);
        Assert.Equal(("/umeeting/share/rooms", CoreHarness.ApiSecret), (request.Path, request.Field("api_secret")));
        Assert.Empty(request.Uri.Query);
    }

    [Fact]
    public async Task Names_a_room_without_a_name_by_its_host_id_and_leaves_an_unreadable_capacity_unknown()
    {
        var upstream = StubUpstream.Json(RoomsAnswer.With(("ROOM-A", "", ""), ("ROOM-B", null, "many"), ("ROOM-C", "Board room", 12)).ToJson());
        await using var core = CoreHarness.Stubbed(upstream);

        var rooms = await core.Rooms.GetRoomsAsync(TestContext.Current.CancellationToken);

        Assert.Equal([new Room("ROOM-A", "ROOM-A", null), new Room("ROOM-B", "ROOM-B", null), new Room("ROOM-C", "Board room", 12)], rooms.Rooms);
    }

    [Fact]
    public async Task Gives_the_simulators_rooms_with_their_names_and_keeps_them_for_the_next_call()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var rooms = await core.Rooms.GetRoomsAsync(TestContext.Current.CancellationToken);
        await core.Rooms.GetRoomsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            sim.Dataset.Rooms.Select(room => (room.HostId, room.Name, (int?)room.Capacity)),
            rooms.Rooms.Select(room => (room.HostId, room.Name, room.Capacity)));
        Assert.Equal(1, sim.Requests.Count);
    }

    [Fact]
    public async Task Falls_back_to_an_unknown_list_when_the_rooms_call_fails_and_asks_again_next_time()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServerError, When: request => request.Path == "/umeeting/share/rooms", Times: 4));
        await using var core = CoreHarness.Create(sim.BaseAddress);

        var failed = await core.Rooms.GetRoomsAsync(TestContext.Current.CancellationToken);
        var recovered = await core.Rooms.GetRoomsAsync(TestContext.Current.CancellationToken);

        Assert.Same(RoomList.Unknown, failed);
        Assert.Equal("ROOM-X", failed.NameOf("ROOM-X"));
        Assert.Contains(core.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("HTTP 503", StringComparison.Ordinal));
        Assert.True(recovered.IsKnown);
    }

    [Fact]
    public async Task Falls_back_to_an_unknown_list_when_the_rooms_answer_is_a_refusal()
    {
        var upstream = new StubUpstream(_ => StubUpstream.JsonResponse(DetailAnswer.Refused(500, "no such endpoint").ToJson(), HttpStatusCode.OK));
        await using var core = CoreHarness.Stubbed(upstream);

        var rooms = await core.Rooms.GetRoomsAsync(TestContext.Current.CancellationToken);

        Assert.False(rooms.IsKnown);
        Assert.Empty(rooms.Rooms);
    }

    [Fact]
    public async Task Lets_the_callers_cancellation_through()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Latency, Delay: TimeSpan.FromSeconds(5)));
        await using var core = CoreHarness.Create(sim.BaseAddress);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => core.Rooms.GetRoomsAsync(cancel.Token));
    }
}
