using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// One address the app routes, as its endpoint data source lists it: the route pattern, a path that matches it
/// (parameters filled with <see cref="AppEndpoints.SampleValue"/>), the methods it accepts, and whether it is a
/// Razor page (pages accept any method and pick a handler; GET and POST are the ones a browser sends).
/// </summary>
public sealed record AppEndpoint(string Pattern, string Path, IReadOnlyList<string> Methods, bool IsPage)
{
    public bool Accepts(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>The path with a value of its own for each route parameter (for hostile input in the path).</summary>
    public string PathWith(string rawParameterValue) => AppEndpoints.PathOf(Pattern, _ => rawParameterValue);

    public bool HasParameters => Pattern.Contains('{', StringComparison.Ordinal);

    public override string ToString() => $"{string.Join('|', Methods)} {Path}";
}

internal static class AppEndpoints
{
    /// <summary>The demo's embedded upstream, which checks its own credentials and answers by its own rules.</summary>
    public const string SimulatorPrefix = "/demo-upstream/";

    /// <summary>What a route parameter is given when the test does not aim at it: a status code fits the only one there is (/error/{code}).</summary>
    public const string SampleValue = "404";

    /// <summary>Every routed endpoint of the running app, one per distinct path, in a stable order.</summary>
    public static IReadOnlyList<AppEndpoint> Of(MeetingReportsServer server)
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint =>
            {
                var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
                IReadOnlyList<string> methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } listed
                    ? [.. listed.Select(method => method.ToUpperInvariant())]
                    : [HttpMethods.Get, HttpMethods.Post];
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                return new AppEndpoint(pattern, PathOf(pattern, _ => SampleValue), methods, isPage);
            })
            .GroupBy(endpoint => endpoint.Path, StringComparer.OrdinalIgnoreCase)
            .Select(same => same.Aggregate((first, next) => first with { Methods = [.. first.Methods.Union(next.Methods)] }))
            .OrderBy(endpoint => endpoint.Path, StringComparer.Ordinal)
            .ToList();
        Assert.Contains(endpoints, endpoint => endpoint.Path.Equals("/meetings", StringComparison.OrdinalIgnoreCase));
        return endpoints;
    }

    public static bool IsSimulator(this AppEndpoint endpoint) =>
        endpoint.Path.StartsWith(SimulatorPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of a route pattern with each parameter replaced by <paramref name="valueOf"/> (its name to a raw path segment).</summary>
    public static string PathOf(string pattern, Func<string, string> valueOf)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var segments = parsed.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content.ToLowerInvariant(),
            RoutePatternParameterPart parameter => valueOf(parameter.Name),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"Unknown part in the route pattern {pattern}."),
        })));
        return "/" + string.Join('/', segments);
    }
}
