using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// How long a browser keeps a stylesheet or a script. The pages name each of them with its content's hash
/// (<c>asp-append-version</c>: <c>site.css?v=…</c>), so a file asked for under the hash of the content this instance
/// serves is kept for a year without asking again: a changed file comes under a new address. Any other request (no
/// hash, or the hash of other content, as when another instance of a rolling update rendered the page) is checked
/// with the server each time it is used, and answered 304 while the file is unchanged.
/// </summary>
internal static class StaticFileCaching
{
    /// <summary>For a file under the hash of its content: a year, and no check while the page is reloaded.</summary>
    public const string Versioned = "public, max-age=31536000, immutable";

    /// <summary>For any other: kept, but checked with the server (ETag, Last-Modified) before each use.</summary>
    public const string Unversioned = "no-cache";

    /// <summary>The query parameter in which <c>asp-append-version</c> puts the hash.</summary>
    private const string VersionKey = "v";

    public static void Configure(StaticFileOptions options, IFileVersionProvider versions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(versions);
        var previous = options.OnPrepareResponse;
        options.OnPrepareResponse = context =>
        {
            previous(context);
            var request = context.Context.Request;
            context.Context.Response.Headers.CacheControl = IsCurrentVersion(request, versions) ? Versioned : Unversioned;
        };
    }

    /// <summary>Whether the request names the file with the hash this instance gives it in its pages.</summary>
    private static bool IsCurrentVersion(HttpRequest request, IFileVersionProvider versions)
    {
        var asked = request.Query[VersionKey];
        if (asked.Count != 1 || string.IsNullOrEmpty(asked[0]))
        {
            return false;
        }

        var path = (request.PathBase + request.Path).Value ?? string.Empty;
        var current = versions.AddFileVersionToPath(request.PathBase, path);
        var hash = current.AsSpan(Math.Min(path.Length, current.Length));
        return hash.StartsWith($"?{VersionKey}=", StringComparison.Ordinal)
            && hash[(VersionKey.Length + 2)..].SequenceEqual(asked[0]);
    }
}
