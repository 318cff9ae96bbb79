using System.Net;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Issue 6 §3: every endpoint the app routes, read from its endpoint data source, refuses a visitor who has not
/// signed in, but for the few that must not: an endpoint added later without authorization makes this fail.
/// </summary>
[Collection(SecurityTests.Name)]
public sealed class AnonymousAccessTests(SecurityServer server)
{
    /// <summary>
    /// The endpoints open to everyone, by route pattern, and why: signing in and out, the error pages (a visitor's
    /// 404 needs one), the health checks for the load balancer (/healthz and /healthz/ready), and the root, which only
    /// redirects to /meetings; the language switcher (/language), which the sign-in page offers too; and /metrics, which
    /// answers this host or the metrics token only (MetricsHttpTests). The demo's simulator (under /demo-upstream) checks
    /// its own API credentials instead.
    /// Static files are not endpoints.
    /// </summary>
    private static readonly string[] OpenToEveryone = ["/account/login", "/account/logout", "/error/{code:int?}", "/healthz", "/healthz/ready", "/metrics", "/", "/language"];

    private static readonly string[] BrowserMethods = ["GET", "POST"];

    [Fact]
    public async Task Every_endpoint_but_sign_in_errors_health_and_the_simulator_refuses_a_visitor_who_has_not_signed_in()
    {
        // Arrange
        var endpoints = AppEndpoints.Of(server);
        var guarded = endpoints.Where(endpoint => !OpenToEveryone.Contains(endpoint.Pattern, StringComparer.OrdinalIgnoreCase) && !endpoint.IsSimulator()).ToList();
        using var visitor = new RawSession(server.RootUri);
        var answers = new List<(string Request, string Answer)>();

        // Act
        foreach (var endpoint in guarded)
        {
            foreach (var method in BrowserMethods.Where(endpoint.Accepts))
            {
                using var response = await visitor.SendAsync(new HttpMethod(method), endpoint.Path + "?from=2025-06-10&to=2025-06-12", method == "POST" ? "" : null);
                answers.Add(($"{method} {endpoint.Path}", Refusal(response)));
            }
        }

        using var root = await visitor.GetAsync("/");

        // Assert
        Assert.True(guarded.Count >= 5, $"Only {guarded.Count} endpoints are guarded: {string.Join(", ", guarded)}");
        Assert.All(answers, answer => Assert.Equal((answer.Request, "refused"), answer));
        Assert.Equal((HttpStatusCode.Found, "/meetings"), (root.StatusCode, ResponseChecks.LocationPath(root)));
    }

    /// <summary>"refused" for a redirect to sign-in (a page) or 401 (anything else); otherwise what came back.</summary>
    private static string Refusal(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || response.StatusCode == HttpStatusCode.Found && ResponseChecks.LocationPath(response) == "/account/login"
            ? "refused"
            : $"{(int)response.StatusCode} {response.Headers.Location}";
}
