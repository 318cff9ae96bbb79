using System.Net;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>
/// The menu's reports open on the period and room on screen, so that one period's pages are compared without typing
/// the dates again; what is a list's own (its search, order, page) stays behind, and a refused address carries nothing.
/// </summary>
public sealed class MenuHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private static readonly string[] Menu = ["nav-meetings", "nav-participants", "nav-telephony", "nav-rooms"];

    [Fact]
    public async Task Each_report_of_the_menu_opens_on_the_period_and_room_of_the_report_on_screen()
    {
        var room = Dataset.Rooms[3].HostId;

        var (status, html) = await Session.GetPageAsync($"/rooms?from=2025-05-01&to=2025-05-31&host_id={room}&sort=meetings&dir=asc");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            ["/meetings", "/participants", "/telephony", "/rooms"],
            Menu.Select(item => Hooks.Href(html, item)!.Split('?')[0]));
        Assert.All(Menu, item => Assert.EndsWith($"?from=2025-05-01&to=2025-05-31&host_id={room}", WebUtility.HtmlDecode(Hooks.Href(html, item)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lists_search_and_page_stay_behind_and_a_meeting_carries_the_period_it_was_found_in()
    {
        var meeting = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31))[0];

        var (_, list) = await Session.GetPageAsync("/meetings?from=2025-05-01&to=2025-05-31&q=review&page_number=2&page_size=10");
        var (_, detail) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&from=2025-05-01&to=2025-05-31");

        Assert.Equal("/participants?from=2025-05-01&to=2025-05-31", WebUtility.HtmlDecode(Hooks.Href(list, "nav-participants")));
        Assert.Equal("/rooms?from=2025-05-01&to=2025-05-31", WebUtility.HtmlDecode(Hooks.Href(detail, "nav-rooms")));
    }

    [Theory]
    [InlineData("/rooms?from=2025-13-45&to=2025-05-31")]
    [InlineData("/rooms")]
    [InlineData("/archive")]
    public async Task A_refused_address_a_report_of_today_and_another_page_carry_nothing(string address)
    {
        var (_, html) = await Session.GetPageAsync(address);

        Assert.All(Menu, item => Assert.DoesNotContain("?", Hooks.Href(html, item), StringComparison.Ordinal));
    }
}
