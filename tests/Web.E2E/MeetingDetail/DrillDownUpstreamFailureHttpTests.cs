using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.MeetingDetail;

/// <summary>The meeting page and the participants report when every upstream request fails with HTTP 503.</summary>
public sealed class DrillDownUpstreamFailureHttpTests(FailingUpstreamServer server) : SignedInHttpTest<FailingUpstreamServer>(server), IClassFixture<FailingUpstreamServer>
{
    [Theory]
    [InlineData("/meeting?uuid=abc%2B%2F%3D%3D&from=2025-05-01&to=2025-05-10")]
    [InlineData("/participants?from=2025-05-01&to=2025-05-10")]
    public async Task A_meeting_service_that_fails_gives_a_502_that_says_so_and_shows_no_partial_answer(string address)
    {
        // Act
        var (status, html) = await Session.GetPageAsync(address);

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Equal(1, Hooks.Count(html, "upstream-failure"));
        Assert.Contains("data-kind=\"Unreachable\"", html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Hooks.Text(html, "request-id")));
        Assert.Equal(0, Hooks.Count(html, "not-found"));
        Assert.Equal(0, Hooks.Count(html, "meeting-header"));
        Assert.Equal(0, Hooks.Count(html, "participant-summary-row"));
    }
}
