using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.SignIn;

public sealed class DemoSignInTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task The_sign_in_page_names_the_demo_account_and_the_demo_banner_shows_before_and_after_sign_in()
    {
        // Arrange
        var signIn = new SignInPage(Page);
        var meetings = new MeetingsPage(Page);

        // Act
        await signIn.OpenAsync();

        // Assert
        await Expect(signIn.DemoCredentials).ToContainTextAsync("admin");
        await Expect(meetings.DemoBanner).ToBeVisibleAsync();

        // Act
        await signIn.SignInAsync(DemoAccount.UserName, DemoAccount.Password);

        // Assert
        Assert.True(meetings.IsShown, $"Expected /meetings, got {Page.Url}");
        await Expect(meetings.DemoBanner).ToContainTextAsync("Demo data");
        await Expect(meetings.CurrentUser).ToHaveTextAsync(DemoAccount.UserName);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_visitor_on_the_sign_in_page_with_a_message()
    {
        // Arrange
        var signIn = new SignInPage(Page);
        await signIn.OpenAsync();

        // Act
        var response = await signIn.SignInAsync(DemoAccount.UserName, "not-the-password");

        // Assert
        Assert.Equal(401, response.Status);
        Assert.True(signIn.IsShown, $"Expected to stay on the sign-in page, got {Page.Url}");
        await Expect(signIn.Error).ToContainTextAsync("not correct");
        await Expect(signIn.Password).ToHaveValueAsync("");
    }
}
