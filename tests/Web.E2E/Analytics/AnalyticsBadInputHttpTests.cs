using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>/telephony and /rooms read their query string like /meetings: a wrong value is a 400 with a message beside its field.</summary>
public sealed class AnalyticsBadInputHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    public static TheoryData<string, string, string, string> BadQueries()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var page in new[] { "/telephony", "/rooms" })
        {
            data.Add(page, "from=2025-05-10&to=2025-05-01", "to", "The period ends before it starts: choose a last day on or after 2025-05-10.");
            data.Add(page, "from=2025-13-01&to=2025-05-01", "from", "Enter a date as year-month-day, e.g. ");
            data.Add(page, "from=2023-05-01&to=2025-05-01", "to", "The period is longer than 24 months: choose a shorter one.");
            data.Add(page, "from=2025-05-01&to=2025-05-31&host_id=no-such-room", "host_id", "No room of this account has the id “no-such-room”.");
            data.Add(page, "from=2025-05-01&to=2025-05-31&host_id=%1B%5B31m", "host_id", "This value contains control characters.");
            data.Add(page, "from=9999-12-31&to=9999-12-31", "from", "Enter a date from 2000-01-01 to 2099-12-31.");
            data.Add(page, "from=2025-05-01&to=0001-01-01", "to", "Enter a date from 2000-01-01 to 2099-12-31.");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_value_comes_back_as_a_message_beside_its_field_with_status_400_and_nothing_gathered(string page, string query, string field, string message)
    {
        // Act
        var (status, html) = await Session.GetPageAsync($"{page}?{query}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(message, Hooks.Text(html, "error-" + field), StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"error-{field}", html, StringComparison.Ordinal);
        Assert.Equal(1, Hooks.Count(html, "filter-form"));
        Assert.Equal(0, Hooks.Count(html, "gather-progress"));
        Assert.DoesNotContain("data-testid=\"kpi-", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/telephony")]
    [InlineData("/rooms")]
    public async Task A_post_to_a_report_is_refused_as_a_method_it_does_not_take(string page)
    {
        // Arrange: a form token, so that it is the method that is refused, not a forged form; and a field name with a
        // stray '[' (a terminal colour code), which a jQuery-style form reader would choke on.
        var token = await Session.AntiforgeryTokenAsync(page.TrimStart('/') + "?from=2025-05-01&to=2025-05-01");

        // Act
        using var response = await Session.PostFormAsync(page, [new("from", "2025-05-01"), new("\u001b[31mred", "1"), new("__RequestVerificationToken", token)]);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/telephony")]
    [InlineData("/rooms")]
    public async Task A_wrong_date_is_shown_as_typed_so_that_it_can_be_corrected(string page)
    {
        // Act
        var (_, html) = await Session.GetPageAsync($"{page}?from=2025-13-01&to=2025-05-31");

        // Assert
        Assert.Contains("value=\"2025-13-01\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-05-31\"", html, StringComparison.Ordinal);
    }
}
