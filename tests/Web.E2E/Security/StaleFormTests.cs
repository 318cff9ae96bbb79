using System.Net;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// The navigation's forms (sign out, the language switch) and the sign-in form outlive their session when a second tab
/// signs out or in: pressed then, each does what its user meant instead of a bare 400, and a token that is wrong for
/// any other reason still changes no session.
/// </summary>
[Collection(SecurityTests.Name)]
public sealed class StaleFormTests(SecurityServer server) : IDisposable
{
    private const string Period = "from=2025-06-10&to=2025-06-12";

    private readonly RawSession _session = new(server.RootUri);

    [Fact]
    public async Task A_sign_out_button_of_a_tab_opened_before_another_tab_signed_out_leads_to_the_sign_in_page()
    {
        // Arrange: two tabs of one session; the first signs out.
        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);
        var firstTab = await _session.AntiforgeryTokenAsync($"/meetings?{Period}");
        var secondTab = await _session.AntiforgeryTokenAsync($"/telephony?{Period}");
        using var signedOut = await _session.PostAsync("/account/logout", "", firstTab);

        // Act
        using var staleSignOut = await _session.PostAsync("/account/logout", "", secondTab);

        // Assert
        Assert.Equal((HttpStatusCode.Found, "/account/login"), (staleSignOut.StatusCode, ResponseChecks.LocationPath(staleSignOut)));
    }

    [Fact]
    public async Task A_sign_out_button_from_an_earlier_session_asks_once_more_and_its_fresh_button_signs_out()
    {
        // Arrange: a tab left open across a sign-out and a new sign-in.
        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);
        var oldTab = await _session.AntiforgeryTokenAsync($"/meetings?{Period}");
        using (await _session.PostAsync("/account/logout", "", oldTab))
        {
        }

        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);

        // Act
        using var staleSignOut = await _session.PostAsync("/account/logout", "", oldTab);
        var page = await staleSignOut.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var stillSignedIn = await _session.GetAsync($"/meetings?{Period}");
        var freshToken = await _session.AntiforgeryTokenAsync($"/meetings?{Period}");
        using var confirmed = await _session.PostAsync("/account/logout", "", freshToken);
        using var afterConfirming = await _session.GetAsync($"/meetings?{Period}");

        // Assert: the stale press signs nobody out and asks, with a form of its own; the fresh one signs out.
        Assert.Equal(HttpStatusCode.BadRequest, staleSignOut.StatusCode);
        Assert.Contains("data-testid=\"logout-confirm-form\"", page, StringComparison.Ordinal);
        Assert.Contains("you were not signed out", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Found, confirmed.StatusCode);
        Assert.Equal("/account/login", ResponseChecks.LocationPath(afterConfirming));
    }

    [Fact]
    public async Task A_sign_out_whose_form_holds_a_nul_is_answered_as_a_stale_one_and_not_with_a_server_error()
    {
        // Arrange: the hostile input test's request, signed in and signed out.
        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);
        var token = await _session.AntiforgeryTokenAsync($"/meetings?{Period}");

        // Act
        using var signedIn = await _session.PostAsync("/account/logout", "to=1&to=%00", token);
        using var signedOut = await _session.PostAsync("/account/logout", "to=1&to=%00", token);

        // Assert
        Assert.True((int)signedIn.StatusCode < 500, $"Signed in: {signedIn.StatusCode}");
        Assert.True((int)signedOut.StatusCode < 500, $"Signed out: {signedOut.StatusCode}");
    }

    [Fact]
    public async Task The_language_switch_of_a_tab_opened_before_a_sign_out_switches_and_goes_back_to_its_page()
    {
        // Arrange
        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);
        var firstTab = await _session.AntiforgeryTokenAsync($"/meetings?{Period}");
        var secondTab = await _session.AntiforgeryTokenAsync($"/telephony?{Period}");
        using (await _session.PostAsync("/account/logout", "", firstTab))
        {
        }

        // Act
        using var switched = await _session.PostAsync("/language", $"culture=zh-CN&returnUrl={Uri.EscapeDataString($"/telephony?{Period}")}", secondTab);
        using var page = await _session.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString($"/telephony?{Period}")}");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert: back to its page (which then asks for a sign-in), in the language chosen.
        Assert.Equal(HttpStatusCode.Found, switched.StatusCode);
        Assert.Equal($"/telephony?{Period}", switched.Headers.Location?.OriginalString);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_form_left_open_while_another_tab_signed_in_goes_on_to_its_address()
    {
        // Arrange: two tabs show the sign-in form; the second signs in.
        var firstTab = await _session.AntiforgeryTokenAsync("/account/login");
        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);

        // Act
        using var staleSignIn = await _session.PostAsync(
            "/account/login", $"username=whoever&password=wrong&returnUrl={Uri.EscapeDataString($"/rooms?{Period}")}", firstTab);

        // Assert: the session the second tab opened is the one in use; the first tab's fields are not even checked.
        Assert.Equal(HttpStatusCode.Found, staleSignIn.StatusCode);
        Assert.Equal($"/rooms?{Period}", staleSignIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_with_a_token_that_fails_signs_nobody_in_and_shows_the_form_again_with_why()
    {
        // Arrange: the right password, but a token this browser was never given (a form posted from another site).
        var given = await _session.AntiforgeryTokenAsync("/account/login");

        // Act
        using var refused = await _session.PostAsync(
            "/account/login", $"username={SecurityServer.AdminName}&password={SecurityServer.AdminPassword}&returnUrl=", given[..^4] + "AAAA");
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var after = await _session.GetAsync($"/meetings?{Period}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This sign-in form had expired, so nothing was checked. Sign in again.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"login-form\"", html, StringComparison.Ordinal);
        Assert.Null(_session.AuthCookieValue);
        Assert.Equal("/account/login", ResponseChecks.LocationPath(after));
    }

    public void Dispose() => _session.Dispose();
}
