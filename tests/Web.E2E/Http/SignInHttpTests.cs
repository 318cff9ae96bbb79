using System.Net;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

public sealed class SignInHttpTests(MeetingReportsServer server)
{
    private const string Bookmark = "/meetings?from=2025-03-01&to=2025-05-31&host_id=room+1%2F%3D&show_participants=true&page_size=50&page_number=2";

    [Fact]
    public async Task A_bookmark_opened_signed_out_leads_to_sign_in_with_the_bookmark_as_return_address()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);

        // Act
        using var response = await session.GetAsync(Bookmark);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=" + Uri.EscapeDataString(Bookmark), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_in_goes_back_to_the_bookmark()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);

        // Act
        using var response = await session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password, Bookmark);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Bookmark, response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith("UMeetingReports.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/meetings")]
    [InlineData("//evil.example/meetings")]
    [InlineData("/\\evil.example")]
    public async Task A_return_address_on_another_site_is_replaced_by_the_meetings_page(string returnUrl)
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);

        // Act
        using var response = await session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password, returnUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/meetings", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_names_the_demo_account_when_no_accounts_are_configured()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);

        // Act
        using var response = await session.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Demo: sign in as admin with the password admin.", Hooks.Text(html, "demo-credentials"));
    }

    [Fact]
    public async Task Signing_in_without_the_antiforgery_token_is_refused()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);

        // Act
        using var response = await session.PostFormAsync("account/login", [new("username", DemoAccount.UserName), new("password", DemoAccount.Password)]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, header => header.Key == "Set-Cookie" && header.Value.Any(value => value.StartsWith("UMeetingReports.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signing_out_takes_a_post_with_the_antiforgery_token_and_ends_the_session()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);
        await session.SignInAsDemoAdminAsync();
        using var withoutToken = await session.PostFormAsync("account/logout", []);
        var token = await session.AntiforgeryTokenAsync("meetings");

        // Act
        using var signOut = await session.PostFormAsync("account/logout", [new("__RequestVerificationToken", token)]);
        using var afterwards = await session.GetAsync("/meetings");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Found, afterwards.StatusCode);
        Assert.StartsWith("/account/login?", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_and_static_files_answer_without_sign_in()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);

        // Act
        using var health = await session.GetAsync("/healthz");
        using var stylesheet = await session.GetAsync("/css/site.css");

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);

        // Act
        using var page = await session.GetAsync("/account/login");
        using var missing = await session.GetAsync("/error/404");

        // Assert
        foreach (var response in new[] { page, missing })
        {
            Assert.Equal(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
                Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_shows_the_error_page_with_a_request_id_when_signed_in()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);
        await session.SignInAsDemoAdminAsync();

        // Act
        using var response = await session.GetAsync("/no/such/page");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no page at this address.", Hooks.Text(html, "error-message"));
        Assert.False(string.IsNullOrWhiteSpace(Hooks.Text(html, "request-id")));
        Assert.Equal("admin", Hooks.Text(html, "current-user"));
    }
}
