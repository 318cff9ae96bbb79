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
}
