using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>The app with no reverse proxy configured: forwarded headers are believed from nobody, loopback included.</summary>
public sealed class NoProxyServer : MeetingReportsServer;

/// <summary>The app behind a reverse proxy on this host, configured as such.</summary>
public sealed class LoopbackProxyServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
    };
}

/// <summary>
/// Hostile review: X-Forwarded-For was believed from any loopback client, so a local process rotating it got
/// fresh sign-in attempts under every invented address. Each server here sees one test's failures only.
/// </summary>
public sealed class ForwardedHeadersTests(NoProxyServer noProxy, LoopbackProxyServer loopbackProxy)
    : IClassFixture<NoProxyServer>, IClassFixture<LoopbackProxyServer>
{
    [Fact]
    public async Task Without_a_configured_proxy_a_rotating_forwarded_address_gets_no_more_sign_in_attempts()
    {
        // Arrange
        using var session = new HttpSession(noProxy.RootUri);
        await FailFiveTimesUnderRotatingAddressesAsync(session);

        // Act
        using var response = await SignInFromAsync(session, "203.0.113.99");

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task With_loopback_configured_as_a_proxy_the_forwarded_address_is_the_one_counted()
    {
        // Arrange
        using var rotating = new HttpSession(loopbackProxy.RootUri);
        using var steady = new HttpSession(loopbackProxy.RootUri);
        await FailFiveTimesUnderRotatingAddressesAsync(rotating);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await SignInFromAsync(steady, "203.0.113.2", "other-" + attempt, "wrong");
        }

        // Act
        using var freshClient = await SignInFromAsync(rotating, "203.0.113.99");
        using var failingClient = await SignInFromAsync(steady, "203.0.113.2");

        // Assert
        Assert.Equal(HttpStatusCode.Found, freshClient.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, failingClient.StatusCode);
    }

    /// <summary>Five wrong passwords under five names, each claiming another client address.</summary>
    private static async Task FailFiveTimesUnderRotatingAddressesAsync(HttpSession session)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await SignInFromAsync(session, "203.0.113." + (10 + attempt), "guess-" + attempt, "wrong");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
    }

    private static Task<HttpResponseMessage> SignInFromAsync(HttpSession session, string forwardedFor, string userName = DemoAccount.UserName, string password = DemoAccount.Password)
    {
        session.Headers.Remove("X-Forwarded-For");
        session.Headers.Add("X-Forwarded-For", forwardedFor);
        return session.PostSignInAsync(userName, password);
    }
}
