using System.Net;
using System.Text.RegularExpressions;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>Issue 6 §3: the headers of every page, the cookies, antiforgery on every POST, and what signing out ends.</summary>
[Collection(SecurityTests.Name)]
public sealed partial class HeadersAndSessionsTests(SecurityServer server) : IDisposable
{
    private const string Period = "from=2025-06-10&to=2025-06-12";

    /// <summary>A host name a proxy would forward (HSTS is never sent for localhost or a loopback address).</summary>
    private const string PublicHost = "reports.example.test";

    private readonly RawSession _session = new(server.RootUri);

    [Fact]
    public async Task Every_html_page_signed_in_or_not_carries_a_strict_content_security_policy_nosniff_and_a_referrer_policy()
    {
        // Arrange: every endpoint's page as the Admin and as a visitor, and the error pages (404, 400, 500).
        var endpoints = AppEndpoints.Of(server).Where(endpoint => endpoint.Accepts("GET") && !endpoint.IsSimulator()).ToList();
        using var visitor = new RawSession(server.RootUri);
        await _session.SignInAsync(SecurityServer.AdminName, SecurityServer.AdminPassword);
        var problems = new List<string>();
        var htmlResponses = 0;

        // Act
        foreach (var (session, target) in endpoints.SelectMany(endpoint => new[] { (visitor, endpoint.Path), (_session, $"{endpoint.Path}?{Period}") })
            .Append((_session, "/no/such/page"))
            .Append((_session, $"/meetings?{Period}&uuid={SecurityServer.FailingUuid}"))
            .Append((visitor, "/account/login?returnUrl=%2Fmeetings")))
        {
            using var response = await session.GetAsync(target);
            if (ResponseChecks.IsHtml(response))
            {
                htmlResponses++;
                problems.AddRange(ResponseChecks.HeaderProblems(response).Select(problem => $"{target} ({(int)response.StatusCode}): {problem}"));
            }
        }

        using var withoutToken = await _session.PostAsync("/account/logout", "");
        htmlResponses++;
        problems.AddRange(ResponseChecks.HeaderProblems(withoutToken).Select(problem => $"POST /account/logout ({(int)withoutToken.StatusCode}): {problem}"));

        // Assert
        Assert.True(htmlResponses >= endpoints.Count(endpoint => endpoint.IsPage) + 3, $"Only {htmlResponses} HTML responses were checked.");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_sign_in_cookie_and_the_antiforgery_cookie_are_http_only()
    {
        // Arrange
        using var loginPage = await _session.GetAsync("/account/login");

        // Act
        using var signIn = await _session.PostSignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);

        // Assert
        var antiforgery = SetCookie(loginPage, RawSession.AntiforgeryCookie);
        var auth = SetCookie(signIn, RawSession.AuthCookie);
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        Assert.Contains("httponly", Attributes(antiforgery));
        Assert.Contains("httponly", Attributes(auth));
    }

    [Fact]
    public async Task Every_post_without_the_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        // Arrange: the simulator checks its own credentials and is no page; the error page takes the POSTs it shows
        // the failure of (it is re-executed with the failed request's method); health checks and metrics hold no state.
        await _session.SignInAsync(SecurityServer.AdminName, SecurityServer.AdminPassword);
        var endpoints = AppEndpoints.Of(server)
            .Where(endpoint => !endpoint.IsSimulator() && endpoint.Pattern is not ("/error/{code:int?}" or "/healthz" or "/healthz/ready" or "/metrics"))
            .ToList();
        var answers = new List<string>();

        // Act
        foreach (var endpoint in endpoints)
        {
            using var response = await _session.PostAsync($"{endpoint.Path}?{Period}", $"{Period}&username={SecurityServer.AdminName}&password={SecurityServer.AdminPassword}");
            answers.Add($"{endpoint.Path} {(int)response.StatusCode}");
        }

        using var stillSignedIn = await _session.GetAsync($"/meetings?{Period}");

        // Assert: 400 where POST is routed (the language switch, which takes no token, for the language this form
        // does not name); 405 where the endpoint takes GET only. Sign-in, for someone signed in already, goes on to its
        // address: 302, and nobody is signed in anew (StaleFormTests).
        var expected = endpoints.Select(endpoint => $"{endpoint.Path} {endpoint.Path switch
        {
            "/account/login" => 302,
            _ when endpoint.Accepts("POST") => 400,
            _ => 405,
        }}");
        Assert.Equal(expected, answers);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copy_of_its_cookie_no_longer_opens_a_page()
    {
        // Arrange: the cookie as someone who copied it (a shared machine, a proxy log) holds it.
        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);
        var copied = _session.AuthCookieValue!;
        var token = await _session.AntiforgeryTokenAsync($"/meetings?{Period}");
        using var replay = new RawSession(server.RootUri);
        replay.Cookies.Add(server.RootUri, new Cookie(RawSession.AuthCookie, copied));
        using var beforeSignOut = await replay.GetAsync($"/meetings?{Period}");

        // Act
        using var signOut = await _session.PostAsync("/account/logout", "", token);
        using var afterSignOut = await replay.GetAsync($"/meetings?{Period}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, beforeSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);
        Assert.Equal((HttpStatusCode.Found, "/account/login"), (afterSignOut.StatusCode, ResponseChecks.LocationPath(afterSignOut)));
    }

    [Fact]
    public async Task Behind_an_https_proxy_pages_send_hsts_and_both_cookies_are_secure()
    {
        // Arrange: a TLS-terminating proxy on this machine forwards the scheme; cookies are carried by hand, since a
        // Secure cookie is one this plain-HTTP client would otherwise keep to itself.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.RootUri };
        void Proxied(HttpRequestMessage request)
        {
            request.Headers.Host = PublicHost;
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        using var loginRequest = new HttpRequestMessage(HttpMethod.Get, "account/login");
        Proxied(loginRequest);
        using var loginPage = await client.SendAsync(loginRequest, TestContext.Current.CancellationToken);
        var antiforgery = SetCookie(loginPage, RawSession.AntiforgeryCookie);
        var token = WebUtility.HtmlDecode(TokenField().Match(await loginPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups["token"].Value);

        // Act
        using var signInRequest = new HttpRequestMessage(HttpMethod.Post, "account/login")
        {
            Content = new FormUrlEncodedContent([new("username", SecurityServer.ViewerName), new("password", SecurityServer.ViewerPassword), new("__RequestVerificationToken", token)]),
        };
        Proxied(signInRequest);
        signInRequest.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signIn = await client.SendAsync(signInRequest, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        var hsts = loginPage.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(", ", values) : "(none)";
        var hstsSent = MaxAge().Match(hsts) is { Success: true } age && long.Parse(age.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0;
        string[] seen =
        [
            hstsSent ? "HSTS with a max-age" : $"HSTS: {hsts}",
            Attributes(antiforgery).Contains("secure") ? "antiforgery cookie Secure" : "antiforgery cookie not Secure",
            Attributes(SetCookie(signIn, RawSession.AuthCookie)).Contains("secure") ? "sign-in cookie Secure" : "sign-in cookie not Secure",
        ];
        Assert.Equal(["HSTS with a max-age", "antiforgery cookie Secure", "sign-in cookie Secure"], seen);
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal)) is { } found
            ? found
            : throw new InvalidOperationException($"The response ({(int)response.StatusCode}) sets no {name} cookie.");

    private static HashSet<string> Attributes(string setCookie) =>
        [.. setCookie.Split(';').Skip(1).Select(attribute => attribute.Split('=')[0].Trim().ToLowerInvariant())];

    public void Dispose() => _session.Dispose();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""(?<token>[^""]+)")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"max-age=(?<seconds>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex MaxAge();
}
