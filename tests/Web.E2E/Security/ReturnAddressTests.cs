using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Hostile review: a return address in the sign-in's query string with characters a Location header cannot carry
/// answered 500 and the sign-in failed. It must lead to a local address, percent-encoded, or to /meetings, and
/// never off the site.
/// </summary>
public sealed class ReturnAddressTests(MeetingReportsServer server)
{
    [Theory]
    [InlineData("%2F%C3%A9", "/%C3%A9")]
    [InlineData("%2Fmeetings%3Froom%3D%E4%BC%9A%E8%AE%AE%E5%AE%A4", "/meetings?room=%E4%BC%9A%E8%AE%AE%E5%AE%A4")]
    [InlineData("%2F%E3%80%B1evil.com", "/%E3%80%B1evil.com")]
    [InlineData("%2F%2Fevil.example", "/meetings")]
    [InlineData("%2F%5Cevil.example", "/meetings")]
    [InlineData("%EF%BC%8F%EF%BC%8Fevil.example", "/meetings")]
    [InlineData("https%3A%2F%2Fevil.example%2F", "/meetings")]
    public async Task A_return_address_in_the_query_signs_in_and_leads_to_an_encoded_local_address_or_the_meetings_page(string returnUrl, string expected)
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);
        var token = await session.AntiforgeryTokenAsync();

        // Act
        using var response = await session.PostFormAsync(
            "account/login?returnUrl=" + returnUrl,
            [new("username", DemoAccount.UserName), new("password", DemoAccount.Password), new("__RequestVerificationToken", token)]);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("UMeetingReports.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_with_a_non_ascii_return_address_in_the_query_ends_on_the_sign_in_page()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);
        await session.SignInAsDemoAdminAsync();
        var token = await session.AntiforgeryTokenAsync("meetings");

        // Act
        using var response = await session.PostFormAsync("account/logout?returnUrl=%2F%E3%80%B1evil.com", [new("__RequestVerificationToken", token)]);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
    }
}
