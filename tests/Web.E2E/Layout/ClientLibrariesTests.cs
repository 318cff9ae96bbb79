using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Layout;

/// <summary>Bootstrap and Chart.js are restored by the build (npm + libman), never committed: these tests see them served.</summary>
public sealed class ClientLibrariesTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Theory]
    [InlineData("lib/bootstrap/dist/css/bootstrap.min.css", "text/css")]
    [InlineData("lib/bootstrap/dist/js/bootstrap.bundle.min.js", "text/javascript")]
    [InlineData("lib/chart.js/dist/chart.umd.min.js", "text/javascript")]
    public async Task The_restored_library_files_are_served_without_sign_in(string path, string contentType)
    {
        // Act
        var response = await Page.APIRequest.GetAsync(path);

        // Assert
        Assert.Equal(200, response.Status);
        Assert.StartsWith(contentType, response.Headers["content-type"], StringComparison.Ordinal);
        Assert.True((await response.BodyAsync()).Length > 10_000, $"{path} looks truncated.");
    }

    [Fact]
    public async Task The_meetings_page_is_styled_by_bootstrap_and_loads_without_a_browser_error()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var meetings = new MeetingsPage(Page);

        // Act
        await meetings.OpenAsync("?from=2025-06-01&to=2025-06-15");
        var buttonColour = await meetings.ShowButton.EvaluateAsync<string>("button => getComputedStyle(button).backgroundColor");

        // Assert: Bootstrap 5.3's primary blue, which only its stylesheet gives a .btn-primary.
        Assert.Equal("rgb(13, 110, 253)", buttonColour);
        Assert.Empty(BrowserErrors);
    }
}
