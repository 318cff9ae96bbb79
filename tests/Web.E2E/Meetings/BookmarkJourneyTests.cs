using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Meetings;

public sealed class BookmarkJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 3, 31);
    private const int PageSize = 10;

    [Fact]
    public async Task A_second_page_of_one_room_over_three_months_survives_reload_sign_out_and_sign_in_again_as_a_bookmark()
    {
        // Arrange: signed in, on the meetings page it redirected to.
        var signIn = new SignInPage(Page);
        var meetings = new MeetingsPage(Page);
        await meetings.OpenAsync();
        Assert.True(signIn.IsShown, $"Expected the sign-in page, got {Page.Url}");
        await signIn.SignInAsync(DemoAccount.UserName, DemoAccount.Password);
        Assert.True(meetings.IsShown, $"Expected /meetings after signing in, got {Page.Url}");
        var (hostId, _) = (await meetings.RoomChoicesAsync())[0];

        // Act: a three-month period, one room, participants on, ten per page; then the second page.
        var firstPage = await meetings.ShowAsync(From, To, hostId, PageSize, participants: true);
        Assert.Equal(200, firstPage.Status);
        var firstPageUuids = await meetings.RowUuidsAsync();
        var totalRecord = await meetings.TotalRecordAsync();
        Assert.True(totalRecord > PageSize, $"The journey needs a second page; the room has {totalRecord} meetings.");

        var secondPage = await meetings.NextPageAsync();
        var bookmark = Page.Url;
        var uuids = await meetings.RowUuidsAsync();

        // Assert: page 2 of the same report, every filter in the URL, exactly the simulator's meetings 11-20 of that room.
        // The newest first, as /meetings lists them unless asked otherwise.
        var truth = Server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(From, To, hostId)
            .OrderByDescending(meeting => meeting.Start).ThenBy(meeting => meeting.Uuid, StringComparer.Ordinal).ToList();
        Assert.Equal(200, secondPage.Status);
        Assert.Equal(2, await meetings.PageNumberAsync());
        Assert.Equal(totalRecord, await meetings.TotalRecordAsync());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["from"] = "2025-01-01",
                ["to"] = "2025-03-31",
                ["host_id"] = hostId,
                ["show_participants"] = "true",
                ["page_size"] = "10",
                ["page_number"] = "2",
            },
            meetings.Query);
        Assert.Equal(truth.Count, totalRecord);
        Assert.Equal(truth.Take(PageSize).Select(meeting => meeting.Uuid), firstPageUuids);
        Assert.Equal(truth.Skip(PageSize).Take(PageSize).Select(meeting => meeting.Uuid), uuids);
        Assert.All(await meetings.RowHostIdsAsync(), rowHostId => Assert.Equal(hostId, rowHostId));

        // Act and assert: a reload shows the same rows in the same order.
        await Page.ReloadAsync();
        Assert.Equal(uuids, await meetings.RowUuidsAsync());

        // Act and assert: signed out, the bookmark leads to sign-in and back to itself with the same rows.
        await meetings.SignOutAsync();
        Assert.True(signIn.IsShown, $"Expected the sign-in page after signing out, got {Page.Url}");

        await Page.GotoAsync(bookmark);
        Assert.True(signIn.IsShown, $"Expected the bookmark to ask for sign-in, got {Page.Url}");
        Assert.Equal(new Uri(bookmark).PathAndQuery, signIn.ReturnUrl);

        var back = await signIn.SignInAsync(DemoAccount.UserName, DemoAccount.Password);
        Assert.Equal(200, back.Status);
        Assert.Equal(Navigation.WithoutFragment(bookmark), Navigation.WithoutFragment(Page.Url)); // the pager's #list is the browser's, not the server's
        Assert.Equal(uuids, await meetings.RowUuidsAsync());
    }

    [Fact]
    public async Task Back_and_forward_show_the_form_with_the_filters_of_the_figures_not_the_changes_sent_from_it()
    {
        // Arrange: one period, all rooms.
        await SignInAsDemoAdminAsync();
        var meetings = new MeetingsPage(Page);
        await meetings.ShownAsync((await meetings.OpenAsync("?from=2025-01-01&to=2025-01-31"))!);
        var (hostId, _) = (await meetings.RoomChoicesAsync())[2];

        // Act: another first day and a room sent from the form, then back, then forward again.
        await meetings.ShowAsync(new DateOnly(2025, 1, 10), new DateOnly(2025, 1, 31), hostId);
        await Page.GoBackAsync();
        var afterBack = (Page.Url, From: await meetings.From.InputValueAsync(), Room: await meetings.Room.InputValueAsync());
        await Page.GoForwardAsync();
        var afterForward = (Page.Url, From: await meetings.From.InputValueAsync(), Room: await meetings.Room.InputValueAsync());

        // Assert
        Assert.EndsWith("?from=2025-01-01&to=2025-01-31", afterBack.Url, StringComparison.Ordinal);
        Assert.Equal(("2025-01-01", ""), (afterBack.From, afterBack.Room));
        Assert.Contains($"host_id={hostId}", afterForward.Url, StringComparison.Ordinal);
        Assert.Equal(("2025-01-10", hostId), (afterForward.From, afterForward.Room));
    }
}
