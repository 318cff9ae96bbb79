using System.Net;
using System.Net.Http.Headers;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Operations;

/// <summary>A server of its own: it believes the test's X-Forwarded-For (a proxy on this host) and has a metrics token.</summary>
public sealed class MetricsServer : MeetingReportsServer
{
    public const string Token = "metrics-token-4b1e";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["Metrics:Token"] = Token,
    };
}

/// <summary>/metrics: Prometheus' text with the app's own figures and the pages' durations, for this host or the token only.</summary>
public sealed class MetricsHttpTests(MetricsServer server) : IClassFixture<MetricsServer>, IDisposable
{
    private readonly HttpSession _session = new(server.RootUri);

    [Fact]
    public async Task A_client_on_this_host_reads_upstream_calls_month_windows_and_page_durations_in_prometheus_text()
    {
        // Arrange
        await _session.SignInAsDemoAdminAsync();
        var (meetings, _) = await _session.GetPageAsync("/meetings?from=2025-06-01&to=2025-06-10");

        // Act
        using var response = await _session.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, meetings);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^umeetingreports_upstream_calls\{[^}]*outcome=""answered""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^umeetingreports_archive_window_duration_seconds_count\{[^}]*result=""synced""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?mi)^microsoft_aspnetcore_hosting_http_server_request_duration_count\{[^}]*http_route=""[^""]*meetings[^""]*""", text);
    }

    [Fact]
    public async Task A_client_from_elsewhere_gets_404_unless_it_brings_the_token()
    {
        // Arrange
        _session.Headers.Add("X-Forwarded-For", "203.0.113.9");

        // Act
        using var refused = await _session.GetAsync("/metrics");
        _session.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var wrongToken = await _session.GetAsync("/metrics");
        _session.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsServer.Token);
        using var withToken = await _session.GetAsync("/metrics");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    public void Dispose() => _session.Dispose();

}
