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
    public async Task An_impossible_date_in_the_address_is_named_beside_the_from_field_with_status_400()
    {
        // Arrange
        var meetings = new MeetingsPage(Page);

        // Act
        var response = await meetings.OpenAsync("?from=2025-13-40&to=2025-03-31");

        // Assert
        Assert.Equal(400, response?.Status);
        await Expect(meetings.ErrorFor("from")).ToContainTextAsync("Enter a date as year-month-day");
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
        await Expect(meetings.ErrorFor("from")).ToHaveCountAsync(0);
        await Expect(meetings.Rows).ToHaveCountAsync(0);
    }
}
