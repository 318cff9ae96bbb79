using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Issue 6 §4: a Viewer tries every address the app routes and every link its pages lead to (downloads included,
/// when there are any) for a few days with calls, and finds no whole phone number anywhere; an Admin on the same
/// addresses does find them, so the search is known to work. The addresses come from the endpoint data source and
/// the pages' own links, so pages added later (an export, say) are covered as they land.
/// </summary>
[Collection(SecurityTests.Name)]
public sealed partial class PhoneNumberRoleTests(SecurityServer server) : IDisposable
{
    private static readonly DateOnly From = new(2025, 6, 10);
    private static readonly DateOnly To = new(2025, 6, 12);
    private const string Period = "from=2025-06-10&to=2025-06-12";

    /// <summary>Enough for every seed and a good part of what they link to, within a few seconds.</summary>
    private const int CrawlBudget = 160;

    /// <summary>
    /// Endpoints that hold no report: signing in and out, errors, health, the gathering poll, the simulator, and
    /// /archive (the archive's month bookkeeping, for Admins only: a Viewer gets 403 there, and it shows no meeting).
    /// </summary>
    private static readonly string[] NotReports = ["/account/", "/error/", "/healthz", "/gathering/", "/archive", "/language", AppEndpoints.SimulatorPrefix, "/css/", "/js/", "/lib/", "/favicon"];

    private readonly RawSession _session = new(server.RootUri);

    private List<SimulatedMeeting> MeetingsWithCalls =>
        [.. server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(From, To).Where(meeting => meeting.Telephony.Count > 0)];

    private HashSet<string> Numbers => [.. MeetingsWithCalls.SelectMany(meeting => meeting.Telephony).Select(call => call.PhoneNumber)];

    [Fact]
    public async Task A_viewer_finds_no_whole_phone_number_on_any_page_link_or_download_of_days_with_calls()
    {
        // Arrange
        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);
        var numbers = Numbers;

        // Act
        var visited = await CrawlAsync(Seeds(), CrawlBudget);

        // Assert
        var found = visited.SelectMany(page => PhoneNumberSearch.WholeNumbersIn(page.Texts, numbers).Select(number => $"{page.Target}: {number}")).ToList();
        Assert.True(MeetingsWithCalls.Count >= 5, $"Only {MeetingsWithCalls.Count} meetings with calls in {Period}.");
        Assert.Empty(found);
        Assert.All(Seeds(), seed => Assert.Contains(visited, page => page.Target == seed && page.Status == HttpStatusCode.OK));
        Assert.Contains(visited, page => page.Target.StartsWith("/telephony?", StringComparison.Ordinal) && page.Texts[0].Contains("****", StringComparison.Ordinal));
        if (AppEndpoints.Of(server).Any(endpoint => endpoint.Path == "/export"))
        {
            Assert.Contains(visited, page => page.IsFile && page.Status == HttpStatusCode.OK);
        }

        var summary = $"The viewer's search read {visited.Count} addresses, {visited.Count(page => page.IsFile)} of them downloads, on {visited.Select(page => PathOf(page.Target)).Distinct().Count()} paths.";
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
    }

    [Fact]
    public async Task An_admin_on_the_same_addresses_finds_the_whole_numbers_on_the_telephony_report_and_every_meeting_with_calls()
    {
        // Arrange
        await _session.SignInAsync(SecurityServer.AdminName, SecurityServer.AdminPassword);
        var numbers = Numbers;

        // Act
        var visited = await CrawlAsync(Seeds(), Seeds().Count);

        // Assert
        var withNumbers = visited.Where(page => PhoneNumberSearch.WholeNumbersIn(page.Texts, numbers).Count > 0).Select(page => page.Target).ToList();
        var mustShow = Seeds().Where(seed => seed.StartsWith("/telephony?", StringComparison.Ordinal) || seed.StartsWith("/meeting?", StringComparison.Ordinal)).ToList();
        Assert.True(mustShow.Count > MeetingsWithCalls.Count, "The telephony report is not among the routed pages.");
        Assert.Equal(mustShow, withNumbers.Intersect(mustShow));
    }

    /// <summary>
    /// Every routed report for the period (a page's second address, /meetings/index, serves the same page), and each
    /// meeting with calls in it (/meeting needs a record id).
    /// </summary>
    private List<string> Seeds() =>
        [
            .. AppEndpoints.Of(server)
                .Where(endpoint => endpoint.Accepts("GET") && !endpoint.HasParameters && endpoint.Path is not ("/" or "/meeting")
                    && !endpoint.Path.EndsWith("/index", StringComparison.Ordinal) && !NotReports.Any(prefix => endpoint.Path.StartsWith(prefix, StringComparison.Ordinal)))
                .Select(endpoint => $"{endpoint.Path}?{Period}"),
            .. MeetingsWithCalls.Select(meeting => $"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{Period}"),
        ];

    /// <summary>
    /// From <paramref name="seeds"/> through local links and redirects, at most <paramref name="budget"/> addresses;
    /// links to a path not seen yet go first, so every kind of page (a download, a job page) is reached before a
    /// hundredth sort order of one already read. A page still gathering its period, or a download still being made,
    /// is asked for again once its progress poll says it is done.
    /// </summary>
    private async Task<List<(string Target, HttpStatusCode Status, bool IsFile, IReadOnlyList<string> Texts)>> CrawlAsync(List<string> seeds, int budget)
    {
        var fresh = new Queue<string>(seeds);
        var later = new Queue<string>();
        var seen = new HashSet<string>(seeds, StringComparer.Ordinal);
        var paths = new HashSet<string>(seeds.Select(PathOf), StringComparer.Ordinal);
        var visited = new List<(string, HttpStatusCode, bool, IReadOnlyList<string>)>();
        while ((fresh.Count > 0 || later.Count > 0) && visited.Count < budget)
        {
            var target = fresh.Count > 0 ? fresh.Dequeue() : later.Dequeue();
            var (status, isFile, texts, location) = await FetchWhenDoneAsync(target);
            visited.Add((target, status, isFile, texts));

            var next = isFile ? [] : PageFields.LocalLinks(texts[0]).ToList();
            if (location is { IsAbsoluteUri: false })
            {
                next.Add(location.OriginalString);
            }

            foreach (var link in next.Where(link => !NotReports.Any(prefix => link.StartsWith(prefix, StringComparison.Ordinal)) && seen.Add(link)))
            {
                (paths.Add(PathOf(link)) ? fresh : later).Enqueue(link);
            }
        }

        return visited;
    }

    private static string PathOf(string link) => link.Split('?')[0];

    private async Task<(HttpStatusCode Status, bool IsFile, IReadOnlyList<string> Texts, Uri? Location)> FetchWhenDoneAsync(string target)
    {
        var giveUpAt = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await _session.GetAsync(target);
            var texts = await PhoneNumberSearch.TextsOfAsync(response);
            var isFile = response.Content.Headers.ContentDisposition?.DispositionType == "attachment";
            if (isFile || DateTime.UtcNow > giveUpAt || StatusUrl().Match(texts[0]) is not { Success: true } progress)
            {
                return (response.StatusCode, isFile, texts, response.Headers.Location);
            }

            await PollUntilDoneAsync(WebUtility.HtmlDecode(progress.Groups["url"].Value), giveUpAt);
        }
    }

    /// <summary>Polls a progress address (a gathering's or a download's) until it says done or ended, or is gone.</summary>
    private async Task PollUntilDoneAsync(string statusUrl, DateTime giveUpAt)
    {
        while (DateTime.UtcNow < giveUpAt)
        {
            using var status = await _session.GetAsync(statusUrl);
            if (status.StatusCode != HttpStatusCode.OK)
            {
                return;
            }

            using var progress = JsonDocument.Parse(await status.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var root = progress.RootElement;
            if (root.TryGetProperty("done", out var done) && done.GetBoolean() || root.TryGetProperty("ended", out var ended) && ended.GetBoolean())
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _session.Dispose();

    [GeneratedRegex(@"data-status-url=""(?<url>[^""]+)""")]
    private static partial Regex StatusUrl();
}
