using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Like <see cref="Http.HttpSession"/> (one cookie jar, redirects not followed), but sends addresses and form bodies
/// byte for byte as written: malformed percent-encoding must reach the server malformed, not repaired by
/// <see cref="Uri"/>. Exposes its cookies, so a test can take a session cookie and replay it elsewhere.
/// </summary>
internal sealed partial class RawSession : IDisposable
{
    public const string AuthCookie = "UMeetingReports.Auth";
    public const string AntiforgeryCookie = "UMeetingReports.Antiforgery";

    private static readonly UriCreationOptions AsWritten = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpClient _client;
    private readonly Uri _root;

    public RawSession(Uri root)
    {
        _root = root;
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true });
    }

    public CookieContainer Cookies { get; }

    /// <summary>The value of the sign-in cookie the jar holds, or null.</summary>
    public string? AuthCookieValue => Cookies.GetCookies(_root).FirstOrDefault(cookie => cookie.Name == AuthCookie)?.Value;

    public Task<HttpResponseMessage> GetAsync(string target, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, target, null, configure);

    /// <summary>A form POST with <paramref name="body"/> as the encoded form, and the token appended when given.</summary>
    public Task<HttpResponseMessage> PostAsync(string target, string body, string? token = null, Action<HttpRequestMessage>? configure = null)
    {
        var form = token is null ? body : $"{body}{(body.Length == 0 ? "" : "&")}__RequestVerificationToken={Uri.EscapeDataString(token)}";
        return SendAsync(HttpMethod.Post, target, form, configure);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string target, string? form, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_root.GetLeftPart(UriPartial.Authority) + "/" + target.TrimStart('/'), in AsWritten));
        if (form is not null)
        {
            request.Content = new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        configure?.Invoke(request);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery token of the first form on <paramref name="target"/>.</summary>
    public async Task<string> AntiforgeryTokenAsync(string target)
    {
        using var response = await GetAsync(target);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new InvalidOperationException($"No antiforgery token on {target} (status {(int)response.StatusCode}).");
    }

    public async Task<HttpResponseMessage> PostSignInAsync(string userName, string password, Action<HttpRequestMessage>? configure = null)
    {
        var token = await AntiforgeryTokenAsync("/account/login");
        return await PostAsync("/account/login", $"username={Uri.EscapeDataString(userName)}&password={Uri.EscapeDataString(password)}&returnUrl=", token, configure);
    }

    public async Task SignInAsync(string userName, string password)
    {
        using var response = await PostSignInAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Signing in as {userName} answered {(int)response.StatusCode}.");
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""(?<token>[^""]+)")]
    private static partial Regex TokenField();
}
