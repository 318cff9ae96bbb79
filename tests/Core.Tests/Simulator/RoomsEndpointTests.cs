using System.Text.Json;
using Xunit;

namespace UMeetingReports.Core.Tests.Simulator;

/// <summary>/umeeting/share/rooms in the vendor's documented shape (numbers as strings).</summary>
public sealed class RoomsEndpointTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_every_room_with_its_name_and_capacity_as_a_string()
    {
        var answer = await fixture.Client.PostAsync(UpstreamTestClient.RoomsPath, UpstreamForm.WithDemoCredentials(), Cancel);

        Assert.Equal(200, answer.Status);
        var rooms = answer.Data.EnumerateArray().ToArray();
        Assert.Equal(
            fixture.Dataset.Rooms.Select(room => $"{room.HostId}|{room.Name}|{room.Email}|{room.Capacity}"),
            rooms.Select(room => $"{room.GetProperty("id").GetString()}|{room.GetProperty("first_name").GetString()}|{room.GetProperty("email").GetString()}|{room.GetProperty("meeting_capacity").GetString()}"));
        var scheduled = rooms.SelectMany(room => room.GetProperty("meetings").EnumerateArray()).ToArray();
        Assert.NotEmpty(scheduled);
        Assert.All(scheduled, meeting =>
        {
            Assert.Equal(JsonValueKind.String, meeting.GetProperty("duration").ValueKind);
            Assert.True(string.CompareOrdinal(meeting.GetProperty("start_time").GetString(), "2025-11-28 15:00:00") > 0, "Scheduled meetings lie ahead of now.");
        });
    }

    [Fact]
    public async Task Refuses_the_room_list_to_a_wrong_secret()
    {
        var answer = await fixture.Client.PostAsync(UpstreamTestClient.RoomsPath, UpstreamForm.WithDemoCredentials().Set("api_secret", "guess"), Cancel);

        Assert.Equal(401, answer.Status);
        Assert.Equal(JsonValueKind.Null, answer.Data.ValueKind);
    }
}
