using Microsoft.Playwright;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.Meetings;

public sealed class BadInputTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SignInAsDemoAdminAsync();
    }

    [Fact]
    public async Task An_impossible_date_in_the_address_is_quoted_beside_the_from_field_which_shows_it_as_text_with_status_400()
    {
        // Arrange
        var meetings = new MeetingsPage(Page);

        // Act
        var response = await meetings.OpenAsync("?from=2025-13-40&to=2025-03-31");

        // Assert
        Assert.Equal(400, response?.Status);
        await Expect(meetings.ErrorFor("from")).ToContainTextAsync("Enter a date as year-month-day");
        await Expect(meetings.ErrorFor("from")).ToContainTextAsync("“2025-13-40” is not one.");
        // A date picker cannot hold "2025-13-40" and would be blank beside the message: the field is text, showing it.
        await Expect(meetings.From).ToHaveAttributeAsync("type", "text");
        await Expect(meetings.From).ToHaveValueAsync("2025-13-40");
        await Expect(meetings.To).ToHaveAttributeAsync("type", "date");
        await Expect(meetings.From).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(meetings.From).ToHaveAttributeAsync("aria-describedby", "error-from");
        await Expect(meetings.ErrorFor("to")).ToHaveCountAsync(0);
        await Expect(meetings.Rows).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_beside_the_to_field_with_status_400()
    {
        // Arrange
        var meetings = new MeetingsPage(Page);

        // Act
        var response = await meetings.ShowAsync(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 1));

        // Assert
        Assert.Equal(400, response.Status);
        await Expect(meetings.ErrorFor("to")).ToContainTextAsync("The period ends before it starts");
        await Expect(meetings.To).ToHaveAttributeAsync("aria-describedby", "error-to");
        await Expect(meetings.To).ToHaveValueAsync("2025-03-01");
        await Expect(meetings.To).ToHaveAttributeAsync("type", "date");
        await Expect(meetings.ErrorFor("from")).ToHaveCountAsync(0);
        await Expect(meetings.Rows).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_date_corrected_in_the_text_field_shows_the_meetings()
    {
        // Arrange
        var meetings = new MeetingsPage(Page);
        await meetings.OpenAsync("?from=2025-5-1&to=2025-05-02");

        // Act
        await meetings.From.FillAsync("2025-05-01");
        var response = await meetings.ShownAsync(await Page.RunAndWaitForPageAsync(() => meetings.ShowButton.ClickAsync()));

        // Assert
        Assert.Equal(200, response.Status);
        Assert.Equal("2025-05-01", meetings.Query["from"]);
        await Expect(meetings.From).ToHaveAttributeAsync("type", "date");
        await Expect(meetings.ErrorFor("from")).ToHaveCountAsync(0);
        await Expect(meetings.Rows.First).ToBeVisibleAsync();
    }
}
