using System.Net;
using System.Text.RegularExpressions;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>
/// A browser keeps the stylesheets and scripts a page names for a year without asking again, because the page names
/// each by its content's hash: a changed file comes under a new address. Any other address of a file is checked with
/// the server before each use.
/// </summary>
public sealed partial class StaticFileCachingHttpTests(MeetingReportsServer server) : IDisposable
{
    private const string Year = "public, max-age=31536000, immutable";

    private readonly HttpSession _session = new(server.RootUri);

    [Fact]
    public async Task Every_stylesheet_script_and_icon_a_report_names_carries_the_hash_of_its_content()
    {
        // Arrange
        await _session.SignInAsDemoAdminAsync();

        // Act: /rooms names Bootstrap, the app's stylesheet and scripts, and Chart.js.
        var (status, html) = await _session.GetPageAsync("/rooms?from=2025-06-01&to=2025-06-30");
        var files = StaticFiles(html);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(files, file => file.StartsWith("/lib/chart.js/", StringComparison.Ordinal));
        Assert.Contains(files, file => file.StartsWith("/lib/bootstrap/", StringComparison.Ordinal));
        Assert.Contains(files, file => file.StartsWith("/favicon.svg", StringComparison.Ordinal));
        Assert.All(files, file => Assert.Matches(@"\?v=[A-Za-z0-9_-]{43}$", file));
    }

    [Fact]
    public async Task A_file_asked_for_under_the_hash_the_page_gives_is_kept_for_a_year()
    {
        // Arrange
        var (_, html) = await _session.GetPageAsync("/account/login");
        var files = StaticFiles(html);
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            // Act
            using var response = await _session.GetAsync(file);

            // Assert
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Year, response.Headers.CacheControl?.ToString());
        }
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.min.css?v=")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.min.css?v=0000000000000000000000000000000000000000000")]
    public async Task A_file_asked_for_without_its_current_hash_is_checked_with_the_server_each_time(string file)
    {
        // Act
        using var response = await _session.GetAsync(file);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_unchanged_file_checked_with_the_server_is_answered_not_modified_and_still_checked_next_time()
    {
        // Arrange
        using var first = await _session.GetAsync("/js/charts.js");
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("The script came without an ETag.");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.RootUri, "js/charts.js"));
        request.Headers.IfNoneMatch.Add(etag);
        using var client = new HttpClient();

        // Act
        using var again = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal("no-cache", again.Headers.CacheControl?.ToString());
    }

    public void Dispose() => _session.Dispose();

    /// <summary>The app's own stylesheets, scripts and icons the page names (its links and scripts under "/").</summary>
    private static List<string> StaticFiles(string html) =>
        [.. StaticFileReference().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups["file"].Value)).Distinct()];

    [GeneratedRegex(@"<(?:link|script)\b[^>]*\b(?:href|src)=""(?<file>/(?:lib|css|js|favicon)[^""]*)""")]
    private static partial Regex StaticFileReference();
}
