using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.SignIn;

public sealed class AnonymousVisitTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task An_anonymous_visit_to_the_meetings_report_lands_on_the_sign_in_page_that_will_return_to_it()
    {
        // Arrange
        var signIn = new SignInPage(Page);

        // Act
        var response = await new MeetingsPage(Page).OpenAsync("?from=2025-01-01&to=2025-01-31");

        // Assert
        Assert.Equal(200, response?.Status);
        Assert.True(signIn.IsShown, $"Expected the sign-in page, got {Page.Url}");
        Assert.Equal("/meetings?from=2025-01-01&to=2025-01-31", signIn.ReturnUrl);
    }

    [Fact]
    public async Task The_root_address_leads_an_anonymous_visitor_to_sign_in_on_the_way_to_the_meetings_report()
    {
        // Act
        await Page.GotoAsync("");

        // Assert
        var signIn = new SignInPage(Page);
        Assert.True(signIn.IsShown, $"Expected the sign-in page, got {Page.Url}");
        Assert.Equal("/meetings", signIn.ReturnUrl);
    }
}
