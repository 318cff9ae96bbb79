using System.Net;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>The embedded simulator answering every request with HTTP 503, retried once without delay.</summary>
public sealed class FailingUpstreamServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Simulator:FailureRate"] = "1",
        ["UMeeting:MaxRetryAttempts"] = "1",
        ["UMeeting:RetryDelay"] = "00:00:00",
    };
}

/// <summary>The app holding a secret the simulator does not accept: every answer is status 401 in the envelope.</summary>
public sealed class WrongSecretServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["UMeeting:ApiSecret"] = "not-the-demo-secret",
    };
}

public sealed class UnreachableUpstreamHttpTests(FailingUpstreamServer server) : IClassFixture<FailingUpstreamServer>
{
    [Fact]
    public async Task A_meeting_service_that_fails_gives_a_502_page_naming_the_period_and_the_request_id()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);
        await session.SignInAsDemoAdminAsync();

        // Act
        using var response = await session.GetAsync("/meetings?from=2025-05-01&to=2025-05-10");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("The meeting service did not answer for 2025-05-01 – 2025-05-10", Hooks.Text(html, "upstream-failure-reason"), StringComparison.Ordinal);
        Assert.Contains("You asked for the meetings of 2025-05-01 – 2025-05-10 in every room.", html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Hooks.Text(html, "request-id")));
        Assert.Equal(1, Hooks.Count(html, "filter-form"));
        Assert.Equal(0, Hooks.Count(html, "meeting-row"));
    }
}

public sealed class RejectedUpstreamHttpTests(WrongSecretServer server) : IClassFixture<WrongSecretServer>
{
    [Fact]
    public async Task A_refusal_by_the_meeting_service_shows_its_own_message_with_status_502()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);
        await session.SignInAsDemoAdminAsync();

        // Act
        using var response = await session.GetAsync("/meetings?from=2025-05-01&to=2025-05-31");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var reason = Hooks.Text(html, "upstream-failure-reason");
        Assert.StartsWith("The meeting service refused the request for 2025-05-01 – 2025-05-31:", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-demo-secret", html, StringComparison.Ordinal);
    }
}
