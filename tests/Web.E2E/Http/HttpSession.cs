using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>
/// A browser without a browser: one cookie jar over real HTTP to the Kestrel server, redirects not followed so
/// that tests see every 302 and its Location. Reads the antiforgery token from the sign-in form like a browser would.
/// </summary>
internal sealed partial class HttpSession : IDisposable
{
    private readonly HttpClient _client;

    public HttpSession(Uri root)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        _client = new HttpClient(handler) { BaseAddress = root };
    }

    /// <summary>Headers sent with every request from now on (a forged Host, an X-Forwarded-For).</summary>
    public HttpRequestHeaders Headers => _client.DefaultRequestHeaders;

    public Task<HttpResponseMessage> GetAsync(string relative) => _client.GetAsync(new Uri(relative.TrimStart('/'), UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>A request of any method, with headers of its own (a Range, an If-Range).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(relative.TrimStart('/'), UriKind.Relative));
        headers?.Invoke(request.Headers);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<string> AntiforgeryTokenAsync(string formPath = "account/login")
    {
        var html = await (await GetAsync(formPath)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new InvalidOperationException($"No antiforgery token on {formPath}.");
    }

    public async Task<HttpResponseMessage> PostFormAsync(string relative, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(relative.TrimStart('/'), UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public async Task<HttpResponseMessage> PostSignInAsync(string userName, string password, string? returnUrl = null)
    {
        var token = await AntiforgeryTokenAsync();
        return await PostFormAsync("account/login",
        [
            new("username", userName),
            new("password", password),
            new("returnUrl", returnUrl ?? ""),
            new("__RequestVerificationToken", token),
        ]);
    }

    public Task SignInAsDemoAdminAsync() => SignInAsync(DemoAccount.UserName, DemoAccount.Password);

    public async Task SignInAsync(string userName, string password)
    {
        using var response = await PostSignInAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}.");
        }
    }

    /// <summary>The status and the whole HTML of a page.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetPageAsync(string relative)
    {
        using var response = await GetAsync(relative);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""(?<token>[^""]+)")]
    private static partial Regex TokenField();
}

/// <summary>Reads the page hooks (data-testid) out of HTML text.</summary>
internal static partial class Hooks
{
    /// <summary>The decoded text of the first element with that data-testid, or null when there is none.</summary>
    public static string? Text(string html, string testId)
    {
        var match = Regex.Match(html, $@"data-testid=""{Regex.Escape(testId)}""[^>]*>(?<text>[^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value).Trim() : null;
    }

    /// <summary>The data-value of the first element with that data-testid.</summary>
    public static string? Value(string html, string testId)
    {
        var match = Regex.Match(html, $@"data-testid=""{Regex.Escape(testId)}"" data-value=""(?<value>[^""]*)");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["value"].Value) : null;
    }

    public static string? Href(string html, string testId)
    {
        var match = Regex.Match(html, $@"href=""(?<href>[^""]*)""[^>]*data-testid=""{Regex.Escape(testId)}""");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["href"].Value) : null;
    }

    public static int Count(string html, string testId) => Regex.Count(html, $@"data-testid=""{Regex.Escape(testId)}""");

    /// <summary>The data-value of every element with that data-testid, in page order.</summary>
    public static IReadOnlyList<string> Values(string html, string testId) =>
        Regex.Matches(html, $@"data-testid=""{Regex.Escape(testId)}"" data-value=""(?<value>[^""]*)")
            .Select(match => WebUtility.HtmlDecode(match.Groups["value"].Value))
            .ToList();

    /// <summary>The decoded text of every element with that data-testid, in page order, the markup inside it (a link) left out.</summary>
    public static IReadOnlyList<string> Texts(string html, string testId) =>
        Regex.Matches(html, $@"<(?<tag>[a-z0-9]+)[^>]*data-testid=""{Regex.Escape(testId)}""[^>]*>(?<inner>.*?)</\k<tag>>", RegexOptions.Singleline)
            .Select(match => WebUtility.HtmlDecode(Regex.Replace(match.Groups["inner"].Value, "<[^>]*>", string.Empty)).Trim())
            .ToList();

    /// <summary>The record id a row of a meetings table carries (data-uuid), decoded.</summary>
    public static string RowUuid(string row) => WebUtility.HtmlDecode(RowUuidAttribute().Match(row).Groups["uuid"].Value);

    /// <summary>The markup of every table row with that data-testid, so that a row's cells can be read together.</summary>
    public static IReadOnlyList<string> Rows(string html, string testId) =>
        Regex.Matches(html, $@"<tr data-testid=""{Regex.Escape(testId)}""[^>]*>.*?</tr>", RegexOptions.Singleline)
            .Select(match => match.Value)
            .ToList();

    [GeneratedRegex(@"data-uuid=""(?<uuid>[^""]+)""")]
    private static partial Regex RowUuidAttribute();
}
