using System.Net;
using System.Text.RegularExpressions;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>What every response of the app must get right, as sentences naming what is wrong (empty when nothing is).</summary>
internal static partial class ResponseChecks
{
    /// <summary>Markup a hostile value carries that must never come back able to run: each starts with '&lt;', which encoding turns into &amp;lt;.</summary>
    private static readonly string[] LiveMarkup = ["<script>alert(", "<img src=x onerror", "<svg onload", "</script><script>"];

    public static bool IsHtml(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "text/html";

    /// <summary>The app's own middleware answered (its headers are on every response); not so when Kestrel refused the request line itself.</summary>
    public static bool AnsweredByTheApp(HttpResponseMessage response) => response.Headers.Contains("Content-Security-Policy");

    /// <summary>The policy and the headers issue 6 §3 asks of every HTML response.</summary>
    public static IEnumerable<string> HeaderProblems(HttpResponseMessage response)
    {
        var policy = response.Headers.TryGetValues("Content-Security-Policy", out var policies) ? string.Join(';', policies) : null;
        if (policy is null)
        {
            yield return "no Content-Security-Policy";
            yield break;
        }

        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..], StringComparer.OrdinalIgnoreCase);
        if (!directives.TryGetValue("script-src", out var scripts) || !scripts.Contains("'self'"))
        {
            yield return $"the policy has no script-src 'self' ({policy})";
        }
        else if (scripts.Any(source => source is "'unsafe-inline'" or "'unsafe-eval'" or "*" or "data:"))
        {
            yield return $"script-src allows inline or foreign script ({policy})";
        }

        if (!directives.TryGetValue("frame-ancestors", out var ancestors) || !ancestors.SequenceEqual(["'none'"]))
        {
            yield return $"the policy lacks frame-ancestors 'none' ({policy})";
        }

        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.Contains("nosniff"))
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (!response.Headers.TryGetValues("Referrer-Policy", out var referrer) || string.IsNullOrWhiteSpace(string.Concat(referrer)))
        {
            yield return "no Referrer-Policy";
        }
    }

    /// <summary>A refusal (4xx) that the visitor can read: an element the pages use for a message, with text in it.</summary>
    public static bool HasVisibleMessage(string html) => Message().IsMatch(html);

    /// <summary>The first piece of hostile markup found live in the body, or null.</summary>
    public static string? LiveMarkupIn(string body)
    {
        var found = LiveMarkup.FirstOrDefault(marker => body.Contains(marker, StringComparison.OrdinalIgnoreCase));
        return found ?? (ScriptUrl().Match(body) is { Success: true } match ? match.Value : null);
    }

    /// <summary>A header a CR LF in a value would have added, or null.</summary>
    public static string? InjectedHeader(HttpResponseMessage response) =>
        response.Headers.Contains("X-Injected") ? "X-Injected"
        : response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith("pwn", StringComparison.Ordinal)) ? "Set-Cookie: pwn"
        : null;

    /// <summary>
    /// A Location header as sent, when it holds anything but printable ASCII (a browser would read such bytes in its
    /// own way and land elsewhere); null when it is clean or absent.
    /// </summary>
    public static string? UnencodedLocation(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Location", out var values) && values.ToString() is var location
            && location.Any(character => character is < ' ' or > '~')
            ? location
            : null;

    /// <summary>The path a redirect leads to, whether the Location is written absolute or relative; null when there is none.</summary>
    public static string? LocationPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.AbsolutePath
        : location.OriginalString.Split('?')[0];

    /// <summary>The request id the error page or an upstream failure shows, or null.</summary>
    public static string? RequestId(string html) =>
        Regex.Match(html, @"data-testid=""request-id"">(?<id>[^<]+)<") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["id"].Value) : null;

    // error-status holds only the number; every other error-* hook, login-error and not-found-message hold a sentence.
    [GeneratedRegex(@"data-testid=""(?:error-(?!status"")[\w-]+|login-error|not-found-message|no-such-record-message|logout-confirm-reason)""[^>]*>\s*[^<\s]")]
    private static partial Regex Message();

    [GeneratedRegex(@"(?:href|src|action|formaction)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}
