using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;
using UMeetingReports.Web.E2E.Security;

namespace UMeetingReports.Web.E2E.Archive;

/// <summary>
/// The archive's database cannot be reached (a PostgreSQL server that is not there): the app runs, but since the
/// sign-in keys and the ended sessions are in that database, signing in answers 503 with a sentence naming the archive
/// and the request id, and /healthz/ready says the archive is why.
/// </summary>
public sealed class ArchiveUnavailableHttpTests(UnreachableArchiveServer server) : IClassFixture<UnreachableArchiveServer>, IDisposable
{
    private HttpSession Session { get; } = new(server.RootUri);

    private static string Named => $"the PostgreSQL database umeeting_archive on 127.0.0.1:{UnreachableArchiveServer.ClosedPort}";

    [Fact]
    public async Task Signing_in_answers_503_naming_the_archive_and_the_request_id_but_never_the_password()
    {
        // Act
        var (status, html) = await Session.GetPageAsync("/account/login");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("503", Hooks.Value(html, "error-status"));
        Assert.Contains(Named, Hooks.Text(html, "archive-failure") ?? "", StringComparison.Ordinal);
        Assert.StartsWith("The archive", Hooks.Text(html, "archive-failure"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(ResponseChecks.RequestId(html)));
        Assert.DoesNotContain(UnreachableArchiveServer.Password, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readiness_check_reports_unhealthy_naming_the_archive()
    {
        // Act
        var (status, text) = await Session.GetPageAsync("/healthz/ready");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("Unhealthy\n", text, StringComparison.Ordinal);
        Assert.Contains($"umeeting-archive: Unhealthy: The archive in {Named} cannot be reached", text, StringComparison.Ordinal);
        Assert.DoesNotContain(UnreachableArchiveServer.Password, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_still_answers_that_it_is_alive()
    {
        // Act
        var (status, text) = await Session.GetPageAsync("/healthz");

        // Assert
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (status, text));
    }

    public void Dispose() => Session.Dispose();
}
