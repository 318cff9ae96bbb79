using System.Net;
using System.Text.RegularExpressions;

namespace UMeetingReports.Web.E2E.Instances;

/// <summary>
/// One cookie jar in front of several instances, as a browser behind a load balancer has: the instances all listen on
/// 127.0.0.1 (ports differ, and cookies ignore ports), so whatever one instance sets the next request to another carries.
/// </summary>
internal sealed partial class SharedBrowser : IDisposable
{
    public const string AuthCookie = "UMeetingReports.Auth";

    private readonly HttpClient _client;

    public SharedBrowser()
    {
        Jar = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Jar, AllowAutoRedirect = false });
    }

    public CookieContainer Jar { get; }

    /// <summary>A browser that has only a copy of another's sign-in cookie (taken from its jar, say).</summary>
    public static SharedBrowser WithCopiedCookie(Uri root, string value)
    {
        var browser = new SharedBrowser();
        browser.Jar.Add(root, new Cookie(AuthCookie, value));
        return browser;
    }

    public string? CookieValue(Uri root) => Jar.GetCookies(root)[AuthCookie]?.Value;

    public async Task<(HttpStatusCode Status, string? Location, string Html)> GetAsync(Uri root, string path)
    {
        using var response = await _client.GetAsync(new Uri(root, path.TrimStart('/')), TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<HttpResponseMessage> PostFormAsync(Uri root, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(root, path.TrimStart('/')), content, TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery token of the first form on <paramref name="path"/> (the sign-in form, or the layout's sign-out).</summary>
    public async Task<string> TokenAsync(Uri root, string path)
    {
        var (_, _, html) = await GetAsync(root, path);
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    public async Task<HttpResponseMessage> PostSignInAsync(Uri root, string userName, string password, string? token = null, string? forwardedFor = null)
    {
        token ??= await TokenAsync(root, "account/login");
        using var content = new FormUrlEncodedContent([new("username", userName), new("password", password), new("returnUrl", ""), new("__RequestVerificationToken", token)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "account/login")) { Content = content };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task SignInAsync(Uri root, string userName, string password)
    {
        using var response = await PostSignInAsync(root, userName, password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    public async Task<HttpStatusCode> SignOutAsync(Uri root)
    {
        var token = await TokenAsync(root, "archive");
        using var response = await PostFormAsync(root, "account/logout", [new("__RequestVerificationToken", token)]);
        return response.StatusCode;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""(?<token>[^""]+)")]
    private static partial Regex TokenField();
}
