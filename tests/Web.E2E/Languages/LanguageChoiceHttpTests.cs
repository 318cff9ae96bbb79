using System.Net;
using System.Text.RegularExpressions;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// Issue 13: the language is the switcher's choice (a cookie), else the browser's Accept-Language, else English;
/// the page's lang and its Content-Language header say the language the page is really in.
/// </summary>
public sealed partial class LanguageChoiceHttpTests(MeetingReportsServer server)
{
    [Theory]
    [InlineData(null, "en", "Sign in to UMeeting Reports")]
    [InlineData("en-US,en;q=0.9", "en", "Sign in to UMeeting Reports")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN", "登录 UMeeting 报表")]
    [InlineData("fr-FR,fr;q=0.9", "en", "Sign in to UMeeting Reports")]
    [InlineData("zh", "zh-CN", "登录 UMeeting 报表")]
    [InlineData("zh-Hans-CN,en;q=0.5", "zh-CN", "登录 UMeeting 报表")]
    [InlineData("zh-TW,zh;q=0.9,en;q=0.8", "zh-CN", "登录 UMeeting 报表")]
    [InlineData("en-GB,zh-CN;q=0.5", "en", "Sign in to UMeeting Reports")]
    public async Task Without_a_choice_the_page_is_in_the_browsers_language_and_says_so(string? acceptLanguage, string language, string heading)
    {
        // Arrange
        using var visitor = new HttpSession(server.RootUri);
        if (acceptLanguage is not null)
        {
            visitor.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        // Act
        using var response = await visitor.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((language, language), (LangOf(html), ContentLanguageOf(response)));
        Assert.Contains(heading, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "en", "en", "Sign in to UMeeting Reports")]
    [InlineData("en-US", "zh-CN", "zh-CN", "登录 UMeeting 报表")]
    public async Task The_switchers_choice_wins_over_Accept_Language_and_is_remembered(string acceptLanguage, string chosen, string language, string heading)
    {
        // Arrange
        using var visitor = new HttpSession(server.RootUri);
        visitor.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        // Act
        using var switched = await SwitchAsync(visitor, chosen, "/account/login?returnUrl=%2Fmeetings");
        using var response = await visitor.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var errorPage = await visitor.GetAsync("/error/404");
        var errorHtml = await errorPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Found, switched.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fmeetings", switched.Headers.Location?.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Equal((language, language), (LangOf(html), ContentLanguageOf(response)));
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, language, language), (errorPage.StatusCode, LangOf(errorHtml), ContentLanguageOf(errorPage)));
    }

    [Theory]
    [InlineData("https://evil.example/meetings")]
    [InlineData("//evil.example/meetings")]
    [InlineData("/\\evil.example")]
    [InlineData("")]
    public async Task The_switcher_goes_back_to_a_local_address_only(string returnUrl)
    {
        // Arrange
        using var visitor = new HttpSession(server.RootUri);

        // Act
        using var switched = await SwitchAsync(visitor, "zh-CN", returnUrl);

        // Assert
        Assert.Equal((HttpStatusCode.Found, "/meetings"), (switched.StatusCode, switched.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task The_switcher_refuses_a_language_the_app_does_not_speak_and_sets_no_cookie()
    {
        // Arrange
        using var visitor = new HttpSession(server.RootUri);

        // Act
        using var switched = await SwitchAsync(visitor, "fr-FR", "/meetings");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, switched.StatusCode);
        Assert.False(switched.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_switcher_takes_no_token_so_a_page_older_than_its_session_still_switches_but_only_back_into_the_app()
    {
        // Arrange: a form without the token, as a tab opened before a sign-out sends it, or another site would.
        using var visitor = new HttpSession(server.RootUri);

        // Act
        using var switched = await visitor.PostFormAsync("/language", [new("culture", "zh-CN"), new("returnUrl", "https://example.com/meetings")]);

        // Assert: the language is remembered; the way on is this app's own page, never the address given.
        Assert.Equal(HttpStatusCode.Found, switched.StatusCode);
        Assert.Equal("/meetings", switched.Headers.Location?.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Culture=c%3Dzh-CN", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> SwitchAsync(HttpSession visitor, string culture, string returnUrl)
    {
        var token = await visitor.AntiforgeryTokenAsync();
        return await visitor.PostFormAsync("/language", [new("culture", culture), new("returnUrl", returnUrl), new("__RequestVerificationToken", token)]);
    }

    private static string? LangOf(string html) => HtmlLang().Match(html) is { Success: true } match ? match.Groups["lang"].Value : null;

    private static string? ContentLanguageOf(HttpResponseMessage response) => response.Content.Headers.ContentLanguage.SingleOrDefault();

    [GeneratedRegex(@"<html lang=""(?<lang>[^""]*)""")]
    private static partial Regex HtmlLang();
}
