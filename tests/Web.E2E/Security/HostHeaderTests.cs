using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>The app with AllowedHosts set, as a deployment under one name should run it.</summary>
public sealed class AllowedHostsServer : MeetingReportsServer
{
    public const string HostName = "reports.example.test";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AllowedHosts"] = HostName,
    };
}

/// <summary>Hostile review: the Host header, the client's word, was copied into the redirect to sign-in.</summary>
public sealed class HostHeaderTests(MeetingReportsServer server, AllowedHostsServer allowed) : IClassFixture<AllowedHostsServer>
{
    [Fact]
    public async Task A_forged_host_header_does_not_reach_the_redirect_to_sign_in()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);
        session.Headers.Host = "evil.example";

        // Act
        using var response = await session.GetAsync("/meetings?from=2025-06-01&to=2025-06-15");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri, $"The redirect is absolute: {location}");
        Assert.Equal("/account/login?returnUrl=" + Uri.EscapeDataString("/meetings?from=2025-06-01&to=2025-06-15"), location.OriginalString);
    }

    [Fact]
    public async Task With_AllowedHosts_set_a_request_for_another_host_is_refused_and_the_configured_one_is_served()
    {
        // Arrange
        using var forged = new HttpSession(allowed.RootUri);
        forged.Headers.Host = "evil.example";
        using var proper = new HttpSession(allowed.RootUri);
        proper.Headers.Host = AllowedHostsServer.HostName;

        // Act
        using var refused = await forged.GetAsync("/meetings");
        using var served = await proper.GetAsync("/meetings");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Found, served.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fmeetings", served.Headers.Location!.OriginalString);
    }
}
