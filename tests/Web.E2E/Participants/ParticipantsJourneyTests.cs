using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.Participants;

public sealed class ParticipantsJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task A_name_search_sorted_by_sessions_pages_on_and_survives_a_reload_as_a_bookmark()
    {
        // Arrange: from the meetings page through the navigation.
        await SignInAsDemoAdminAsync();
        var participants = new ParticipantsPage(Page);
        await Page.RunAndWaitForPageAsync(() => participants.NavLink.ClickAsync());
        Assert.True(participants.IsShown, $"Expected /participants, got {Page.Url}");

        // Act: a month, names holding an "A" in either case, ten a page; sorted by sessions; then the next page.
        await participants.ShowAsync(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), "A", pageSize: 10);
        var firstPage = await participants.NamesAsync();
        await participants.SortByAsync("sessions");
        var sortedSessions = await participants.ColumnAsync("participant-sessions");
        var next = await participants.NextPageAsync();
        var bookmark = Page.Url;
        var names = await participants.NamesAsync();

        // Assert
        Assert.Equal(200, next.Status);
        await Expect(participants.NavLink).ToHaveAttributeAsync("aria-current", "page");
        Assert.Equal(10, firstPage.Count);
        Assert.All(firstPage.Concat(names), name => Assert.Contains("a", name, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(firstPage.Concat(names), name => name.Contains('a', StringComparison.Ordinal));
        Assert.Equal(sortedSessions.OrderDescending(), sortedSessions);
        Assert.True((await participants.ColumnAsync("participant-sessions")).All(sessions => sessions <= sortedSessions[^1]), "Page 2 holds more sessions than page 1's last row.");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["from"] = "2025-05-01",
                ["to"] = "2025-05-31",
                ["name"] = "A",
                ["sort"] = "sessions",
                ["dir"] = "desc",
                ["page_size"] = "10",
                ["page_number"] = "2",
            },
            participants.Query);

        // Act and assert: the bookmark gives the same rows.
        await Page.GotoAsync(bookmark);
        Assert.Equal(names, await participants.NamesAsync());
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task A_column_sorted_from_the_keyboard_leaves_the_reader_at_that_heading_not_at_the_top_of_the_page()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var participants = new ParticipantsPage(Page);
        await participants.OpenAsync("?from=2025-05-01&to=2025-05-31&page_size=10");

        // Act: Enter on a heading reloads the page sorted; the next Shift+Tab and Tab go on from that heading.
        await Page.GetByTestId("sort-meetings").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**#sort-meetings");
        await Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.DOMContentLoaded);
        await Page.Keyboard.PressAsync("Tab");
        var next = await Page.EvaluateAsync<string>("() => document.activeElement.dataset.testid ?? ''");

        // Assert: sorted, and the keyboard is in the table's headings (the next one), not back at the skip link.
        Assert.Contains("sort=meetings", Page.Url, StringComparison.Ordinal);
        Assert.EndsWith("#sort-meetings", Page.Url, StringComparison.Ordinal);
        Assert.Equal("sort-sessions", next);
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task The_next_page_asked_from_the_keyboard_leaves_the_reader_at_the_list_not_at_the_top_of_the_page()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var participants = new ParticipantsPage(Page);
        await participants.OpenAsync("?from=2025-05-01&to=2025-05-31&page_size=10");

        // Act: Enter on "Next" loads page 2; the next Tab goes on from the list.
        await Page.GetByTestId("pager-next").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**#list");
        await Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.DOMContentLoaded);
        await Page.Keyboard.PressAsync("Tab");
        var inList = await Page.EvaluateAsync<bool>("() => document.getElementById('list').contains(document.activeElement)");

        // Assert: page 2, and the keyboard in the list (its box or a heading), not back at the skip link.
        Assert.Contains("page_number=2", Page.Url, StringComparison.Ordinal);
        Assert.True(inList, "After the next page, Tab left the list: " + await Page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 120)"));
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task A_persons_rooms_open_from_the_keyboard_and_a_room_leads_to_that_persons_meetings_there()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var participants = new ParticipantsPage(Page);
        await participants.OpenAsync("?from=2025-05-01&to=2025-05-31&sort=rooms&dir=desc&page_size=10");
        var row = participants.Rows.First;
        var name = (await row.GetByTestId("participant-name").InnerTextAsync()).Trim();
        var firstRoom = row.GetByTestId("participant-room-link").First;

        // Act: the count is a button; Enter opens the list; the first room is followed.
        var hiddenBefore = await firstRoom.IsHiddenAsync();
        await row.GetByTestId("participant-rooms-count").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(firstRoom).ToBeVisibleAsync();
        var room = (await firstRoom.InnerTextAsync()).Trim();
        await Page.RunAndWaitForPageAsync(() => firstRoom.ClickAsync());

        // Assert: every meeting listed is in that room.
        Assert.True(hiddenBefore, "The rooms were listed before they were asked for.");
        Assert.Equal("/meetings", new Uri(Page.Url).AbsolutePath);
        Assert.Equal(name, Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["participant"].ToString());
        var rooms = await Page.GetByTestId("meeting-room").AllInnerTextsAsync();
        Assert.NotEmpty(rooms);
        Assert.All(rooms, shown => Assert.Contains(room, shown, StringComparison.Ordinal));
        Assert.Empty(BrowserErrors);
    }
}
