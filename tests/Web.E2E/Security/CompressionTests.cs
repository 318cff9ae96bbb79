using System.IO.Compression;
using System.Net;
using System.Text;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Pages and static files go out compressed to a browser that asks for it. Over HTTPS only the static files are: a
/// compressed page that echoes a search beside the account's data would let whoever sees the lengths on the wire guess
/// that data (BREACH), and a stylesheet holds nothing to guess.
/// </summary>
[Collection(SecurityTests.Name)]
public sealed class CompressionTests(SecurityServer server) : IDisposable
{
    private const string Period = "from=2025-06-01&to=2025-06-30";

    private readonly RawSession _session = new(server.RootUri);

    [Fact]
    public async Task A_signed_in_report_comes_in_brotli_to_a_browser_that_asks_and_reads_the_same_once_decompressed()
    {
        // Arrange
        await _session.SignInAsync(SecurityServer.AdminName, SecurityServer.AdminPassword);

        // Act
        using var compressed = await _session.GetAsync($"/telephony?{Period}", request => request.Headers.Add("Accept-Encoding", "br, gzip"));
        using var plain = await _session.GetAsync($"/telephony?{Period}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var wire = await compressed.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var page = await DecompressAsync(wire, stream => new BrotliStream(stream, CompressionMode.Decompress));
        var expected = await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Normalised(expected), Normalised(page));
        Assert.True(wire.Length * 4 < Encoding.UTF8.GetByteCount(page), $"{wire.Length} bytes on the wire for a page of {Encoding.UTF8.GetByteCount(page)}");
    }

    [Fact]
    public async Task The_stylesheet_comes_in_gzip_to_a_browser_that_knows_only_gzip()
    {
        // Act
        using var response = await _session.GetAsync("/lib/bootstrap/dist/css/bootstrap.min.css", request => request.Headers.Add("Accept-Encoding", "gzip"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var css = await DecompressAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), stream => new GZipStream(stream, CompressionMode.Decompress));
        Assert.Contains("Bootstrap", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_an_https_proxy_pages_are_not_compressed_and_static_files_still_are()
    {
        // Arrange: the proxy on this machine (configured as believed) says the browser's connection is HTTPS.
        static void OverHttps(HttpRequestMessage request)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            request.Headers.Add("Accept-Encoding", "br, gzip");
        }

        // Act
        using var loginPage = await _session.GetAsync("/account/login", OverHttps);
        using var stylesheet = await _session.GetAsync("/lib/bootstrap/dist/css/bootstrap.min.css", OverHttps);

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (loginPage.StatusCode, stylesheet.StatusCode));
        Assert.Empty(loginPage.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], stylesheet.Content.Headers.ContentEncoding);
    }

    public void Dispose() => _session.Dispose();

    private static async Task<string> DecompressAsync(byte[] wire, Func<Stream, Stream> decompressor)
    {
        await using var decompressed = decompressor(new MemoryStream(wire));
        using var reader = new StreamReader(decompressed, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The page without the parts that differ from one rendering to the next (antiforgery tokens, the data's age).</summary>
    private static string Normalised(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "value=\"CfDJ8[^\"]*\"|data-value=\"[^\"]*\"|<time[^>]*>[^<]*</time>", "…");
}
