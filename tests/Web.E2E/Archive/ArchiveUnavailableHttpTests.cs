using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;
using UMeetingReports.Web.E2E.Languages;
using UMeetingReports.Web.E2E.Security;

namespace UMeetingReports.Web.E2E.Archive;

/// <summary>
/// The archive's database cannot be reached (a PostgreSQL server that is not there): the app runs, /archive answers
/// 503 with a sentence naming the archive and the request id, and /healthz/ready says the archive is why.
/// </summary>
public sealed class ArchiveUnavailableHttpTests(UnreachableArchiveServer server)
    : SignedInHttpTest<UnreachableArchiveServer>(server), IClassFixture<UnreachableArchiveServer>
{
    private static string Named => $"the PostgreSQL database umeeting_archive on 127.0.0.1:{UnreachableArchiveServer.ClosedPort}";

    [Fact]
    public async Task The_archive_page_answers_503_naming_the_archive_and_the_request_id_but_never_the_password()
    {
        // Act
        var (status, html) = await Session.GetPageAsync("/archive");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("503", Hooks.Value(html, "error-status"));
        Assert.Contains(Named, Hooks.Text(html, "archive-failure") ?? "", StringComparison.Ordinal);
        Assert.StartsWith("The archive", Hooks.Text(html, "archive-failure"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(ResponseChecks.RequestId(html)));
        Assert.DoesNotContain(UnreachableArchiveServer.Password, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_archive_page_in_Chinese_says_so_in_Chinese_and_keeps_the_databases_own_words_as_detail()
    {
        // Arrange
        using var chinese = new HttpSession(Server.RootUri);
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        await chinese.SignInAsDemoAdminAsync();

        // Act
        using var response = await chinese.GetAsync("/archive");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var detail = Hooks.Text(html, "archive-failure") ?? "";

        // Assert: the sentence is Chinese; the line naming the database and its error is the technical detail, as
        // Core's archive words it.
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "zh-CN"), (response.StatusCode, response.Content.Headers.ContentLanguage.SingleOrDefault()));
        Assert.Equal("存档暂时无法读写：依赖存档的页面在恢复前不可用。请几分钟后重试。", Hooks.Text(html, "error-message"));
        Assert.Contains(Named, detail, StringComparison.Ordinal);
        // The exception itself (shown in Development, as the test servers run) is no interface text either.
        var page = System.Text.RegularExpressions.Regex.Replace(html, @"<details open class=""error-detail"">.*?</details>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Empty(EnglishTexts.FoundIn(EnglishTexts.TextsOf(page), [detail, DemoAccount.UserName]));
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

    [Theory]
    [InlineData("/meetings?from=2025-06-10&to=2025-06-12")]
    [InlineData("/rooms?from=2025-06-10&to=2025-06-12")]
    [InlineData("/telephony?from=2025-06-10&to=2025-06-12")]
    [InlineData("/participants?from=2025-06-10&to=2025-06-12")]
    [InlineData("/meeting?uuid=abc%2B%2F%3D%3D&from=2025-06-10&to=2025-06-12")]
    public async Task Every_report_answers_503_naming_the_archive_and_the_sign_in_page_still_answers(string report)
    {
        // Act
        var (status, html) = await Session.GetPageAsync(report);
        using var anonymous = new HttpClient { BaseAddress = Server.RootUri };
        using var signIn = await anonymous.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains(Named, Hooks.Text(html, "archive-failure") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(UnreachableArchiveServer.Password, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}
