using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Rooms;

public sealed class RoomsJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task One_rooms_meetings_per_day_are_drawn_and_tabled_alike_and_its_heatmap_is_darkest_at_its_busiest_hour()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var rooms = new RoomsPage(Page);
        await rooms.OpenFromNavigationAsync();
        var hostId = (await rooms.RoomChoicesAsync())[4];
        var meetings = Server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31), hostId);

        // Act
        var response = await rooms.ShowAsync(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), hostId);
        await rooms.Heatmap.WaitForAsync(new() { Timeout = 60_000 });
        var drawn = await rooms.MeetingsPerDay.StateAsync();
        await rooms.MeetingsPerDay.OpenTableAsync();
        var (labels, values) = await rooms.MeetingsPerDay.TableAsync();
        var cells = await rooms.HeatCellsAsync();

        // Assert: the chart is painted with the room's meetings, and its table holds the same numbers.
        Assert.Equal(200, response.Status);
        Assert.True(drawn.Painted, "The meetings-per-day canvas is blank.");
        Assert.Equal(meetings.Count, drawn.Values().Sum());
        Assert.Equal(string.Join(" | ", drawn.Labels), string.Join(" | ", labels));
        Assert.Equal(drawn.Values(), values);

        // Assert: every room of the account is listed, and the heatmap is shaded by its own numbers.
        Assert.Equal(12, await rooms.RoomRows.CountAsync());
        Assert.Equal(7 * 24, cells.Count);
        var busiest = cells.Max(cell => cell.Seconds);
        var shades = cells.OrderBy(cell => cell.Seconds).Select(cell => int.Parse(cell.Shade["heat-".Length..], CultureInfo.InvariantCulture)).ToList();
        Assert.All(cells.Where(cell => cell.Seconds == 0), cell => Assert.Equal("heat-0", cell.Shade));
        Assert.All(cells.Where(cell => cell.Seconds == busiest), cell => Assert.Equal("heat-5", cell.Shade));
        Assert.Equal(shades.Order(), shades);
        Assert.True(shades.Distinct().Count() >= 4, $"Only the shades {string.Join(", ", shades.Distinct())} are used.");
        Assert.Equal("Monday,Tuesday,Wednesday,Thursday,Friday", await rooms.BusinessHours.GetAttributeAsync("data-days"));
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task The_room_table_sorts_by_a_clicked_heading_turns_on_a_second_click_and_keeps_the_order_on_a_new_period()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var rooms = new RoomsPage(Page);
        await rooms.OpenFromNavigationAsync();
        await rooms.ShowAsync(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));
        await rooms.RoomRows.First.WaitForAsync(new() { Timeout = 60_000 });

        // Act: sort by meetings (most first), then the other way, then choose another period with the form.
        await rooms.SortByAsync("meetings");
        var most = await rooms.ColumnAsync("room-meetings");
        await rooms.SortByAsync("meetings");
        var fewest = await rooms.ColumnAsync("room-meetings");
        var address = new Uri(Page.Url);
        await rooms.ShowAsync(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30));
        var april = await rooms.ColumnAsync("room-meetings");

        // Assert
        Assert.Equal(12, most.Count);
        Assert.Equal(most.OrderDescending(), most);
        Assert.True(most[0] > most[^1], "Every room held as many meetings: the order shows nothing.");
        Assert.Equal(fewest.Order(), fewest);
        Assert.Contains("sort=meetings", address.Query, StringComparison.Ordinal);
        Assert.Contains("dir=asc", address.Query, StringComparison.Ordinal);
        Assert.Equal("ascending", await Page.GetByTestId("column-meetings").GetAttributeAsync("aria-sort"));
        Assert.Equal(april.Order(), april);
        Assert.Contains("sort=meetings", new Uri(Page.Url).Query, StringComparison.Ordinal);
        Assert.Empty(BrowserErrors);
    }
}
