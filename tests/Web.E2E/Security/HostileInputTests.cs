using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Issue 6 §2: hundreds of generated query strings and form posts, to every endpoint the app routes, signed in as an
/// Admin (so that the pages themselves, not the sign-in redirect, read them). None may fail the server, every
/// refusal says why, no hostile markup comes back live, and the app writes nothing to its content root.
/// </summary>
[Collection(SecurityTests.Name)]
public sealed class HostileInputTests(SecurityServer server) : IDisposable
{
    /// <summary>A period the simulator has meetings, calls and people in, so valid fields lead to full pages.</summary>
    private const string Period = "from=2025-06-10&to=2025-06-12";

    private const int Seed = 20250615;

    /// <summary>The script tag of the hostile values as a page shows it when it encodes it (as text).</summary>
    private const string EncodedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    /// <summary>Parameters no form shows but the framework or the upstream contract reads.</summary>
    private static readonly string[] FrameworkFieldNames = ["handler", "culture", "ui-culture", "returnUrl", "key", "code", "api_key", "api_secret"];

    private readonly RawSession _session = new(server.RootUri);

    [Fact]
    public async Task At_least_five_hundred_hostile_requests_to_every_endpoint_get_no_server_error_a_message_for_every_refusal_no_live_markup_and_write_nothing()
    {
        // Arrange
        var endpoints = AppEndpoints.Of(server);
        await _session.SignInAsync(SecurityServer.AdminName, SecurityServer.AdminPassword);
        var fields = await LearnFieldsAsync(endpoints);
        var signIn = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var credentials = $"username={SecurityServer.AdminName}&password={Uri.EscapeDataString(SecurityServer.AdminPassword)}";
        var requests = new HostileInputGenerator(
            endpoints, fields.ByPath, [.. fields.Names.Union(FrameworkFieldNames)], (signIn.LoginPath.Value!, signIn.ReturnUrlParameter, credentials), Seed).Generate();
        var contentRootBefore = ContentRootFiles();
        var token = await _session.AntiforgeryTokenAsync("/meetings?" + Period);
        var failures = new List<(string Group, string Example)>();
        var statuses = new SortedDictionary<int, int>();
        var refusedBeforeTheApp = 0;
        var shownEncoded = 0;
        var clock = Stopwatch.StartNew();

        // Act
        foreach (var request in requests)
        {
            using var response = request.Method == "GET"
                ? await _session.GetAsync(request.Target)
                : await _session.PostAsync(request.Target, request.FormBody!, request.WithToken ? token : null);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (!ResponseChecks.AnsweredByTheApp(response))
            {
                refusedBeforeTheApp++;
            }

            if (body.Contains(EncodedScript, StringComparison.Ordinal))
            {
                shownEncoded++;
            }

            failures.AddRange(Problems(request, response, body).Select(problem => ($"{request.Method} {Path(request)} → {status}: {problem}", $"{request}")));

            if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith(RawSession.AuthCookie + "=;", StringComparison.Ordinal)))
            {
                // A hostile sign-out with a valid token did sign the session out: sign in again so the run keeps reaching the pages.
                await _session.SignInAsync(SecurityServer.AdminName, SecurityServer.AdminPassword);
                token = await _session.AntiforgeryTokenAsync("/meetings?" + Period);
            }
        }

        // Assert
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Sent {requests.Count} hostile requests ({requests.Count(request => request.Method == "GET")} GET, {requests.Count(request => request.Method == "POST")} POST) "
            + $"to {endpoints.Count} endpoints in {clock.Elapsed.TotalSeconds:0.0} s; statuses {string.Join(", ", statuses.Select(entry => $"{entry.Key}×{entry.Value}"))}; "
            + $"{refusedBeforeTheApp} refused by Kestrel before reaching the app; {shownEncoded} showed the script tag as text.");
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(requests.Count >= 500, summary);
        Assert.True(shownEncoded > 0, "No page ever showed a hostile value back, so finding none live proves nothing.");
        Assert.Empty(ContentRootChanges(contentRootBefore, ContentRootFiles()));
        Assert.True(failures.Count == 0, Report(summary, failures));
    }

    private IEnumerable<string> Problems(HostileRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            var requestId = ResponseChecks.RequestId(body);
            yield return "server error" + (server.Logs.ExceptionFor(requestId) is { } exception ? $" ({exception})"
                : Http.Hooks.Text(body, "upstream-failure-reason") is { } reason ? $" (the page says: {reason})"
                : requestId is null && server.Logs.LastExceptionAt(request.Target.Split('?')[0]) is { } failed ? $" with an empty body, the error page failing too ({failed})"
                : $" (request id {requestId}, no exception logged)");
        }

        if (status is >= 400 and < 500 && ResponseChecks.AnsweredByTheApp(response) && !ResponseChecks.HasVisibleMessage(body))
        {
            yield return "refused without a message";
        }

        if (ResponseChecks.LiveMarkupIn(body) is { } markup)
        {
            yield return $"hostile markup came back live: {markup}";
        }

        if (ResponseChecks.InjectedHeader(response) is { } header)
        {
            yield return $"a header was injected: {header}";
        }

        if (ResponseChecks.UnencodedLocation(response) is { } location)
        {
            yield return $"redirects to an address with unencoded characters: {location}";
        }

        if (ResponseChecks.IsHtml(response))
        {
            foreach (var problem in ResponseChecks.HeaderProblems(response))
            {
                yield return problem;
            }
        }
    }

    /// <summary>
    /// The fields of every page, from the forms and links the app writes: each page in the period (as the Admin, and
    /// the sign-in page anonymously), then every address those pages link to once. The simulator's own fields are the
    /// upstream contract's (it is not a page: nothing links to it).
    /// </summary>
    private async Task<PageFields> LearnFieldsAsync(IReadOnlyList<AppEndpoint> endpoints)
    {
        var fields = new PageFields();
        using (var anonymous = new RawSession(server.RootUri))
        {
            using var login = await anonymous.GetAsync("/account/login?returnUrl=%2Fmeetings");
            fields.Learn("/account/login", await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var pages = endpoints.Where(endpoint => endpoint.IsPage && !endpoint.HasParameters).Select(endpoint => $"{endpoint.Path}?{Period}").ToList();
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var html = await HtmlAsync(page);
            fields.Learn(page.Split('?')[0], html);
            linked.UnionWith(PageFields.LocalLinks(html).Where(link => link.Contains('?', StringComparison.Ordinal)).DistinctBy(link => link.Split('?')[0]));
        }

        foreach (var link in linked.Where(link => !link.StartsWith(AppEndpoints.SimulatorPrefix, StringComparison.Ordinal)))
        {
            fields.Learn(link.Split('?')[0], await HtmlAsync(link));
        }

        foreach (var simulator in endpoints.Where(endpoint => endpoint.IsSimulator()))
        {
            foreach (var (name, value) in new[] { ("from", "2025-06-10"), ("to", "2025-06-12"), ("host_id", ""), ("uuid", ""), ("show_participants", "true"), ("show_telephony_usage", "true"), ("page_size", "30"), ("page_number", "1"), ("api_key", "demo") })
            {
                fields.Add(simulator.Path, name, value);
            }
        }

        return fields;
    }

    private async Task<string> HtmlAsync(string target)
    {
        using var response = await _session.GetAsync(target);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static string Path(HostileRequest request)
    {
        var path = request.Target.Split('?')[0];
        return path.Length > 40 ? path[..40] + "…" : path;
    }

    private Dictionary<string, (long Length, DateTime Written)> ContentRootFiles() =>
        Directory.EnumerateFiles(server.ContentRoot, "*", SearchOption.AllDirectories)
            .ToDictionary(file => System.IO.Path.GetRelativePath(server.ContentRoot, file), file => (new FileInfo(file).Length, File.GetLastWriteTimeUtc(file)), StringComparer.Ordinal);

    private static List<string> ContentRootChanges(Dictionary<string, (long Length, DateTime Written)> before, Dictionary<string, (long Length, DateTime Written)> after) =>
        [.. after.Where(file => !before.TryGetValue(file.Key, out var was) || was != file.Value).Select(file => "written: " + file.Key)
            .Concat(before.Keys.Except(after.Keys).Select(file => "deleted: " + file))];

    /// <summary>One line per kind of failure (endpoint, status, cause) with how often it happened and one request that shows it.</summary>
    private static string Report(string summary, List<(string Group, string Example)> failures)
    {
        var text = new StringBuilder(summary).AppendLine().Append(CultureInfo.InvariantCulture, $"{failures.Count} problems:").AppendLine();
        foreach (var group in failures.GroupBy(failure => failure.Group).OrderByDescending(group => group.Count()))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {group.Count()}× {group.Key}").AppendLine()
                .Append(CultureInfo.InvariantCulture, $"      e.g. {group.First().Example}").AppendLine();
        }

        return text.ToString();
    }

    public void Dispose() => _session.Dispose();
}
