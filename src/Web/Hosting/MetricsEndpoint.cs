using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// /metrics in Prometheus' text format, through prometheus-net (a stable release, where OpenTelemetry's Prometheus
/// exporter is still a beta): it publishes the .NET meters, so the app's own (<c>umeetingreports_upstream_calls</c> by
/// outcome, <c>umeetingreports_archive_windows</c> and <c>…_archive_window_duration_seconds</c> by result,
/// <c>umeetingreports_download_jobs</c> by state) and ASP.NET Core's request durations by route
/// (<c>microsoft_aspnetcore_hosting_http_server_request_duration</c>, labelled <c>http_route</c>) come out without a
/// second set of instruments. Answered only to a client on this host (after forwarded headers: a request through a proxy counts as
/// its real client) or with <c>Authorization: Bearer</c> and Metrics:Token; anyone else gets 404, as if it did not exist.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IApplicationBuilder UseMetricsGuard(this IApplicationBuilder app)
    {
        var token = app.ApplicationServices.GetRequiredService<IConfiguration>()["Metrics:Token"];
        return app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase) && !Allowed(context, token))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }

    public static IEndpointConventionBuilder MapAppMetrics(this IEndpointRouteBuilder endpoints)
    {
        // prometheus-net starts listening to .NET's meters at its first collection, and what was measured before is
        // lost: collect once now, so that the first scrape already counts everything since start.
        Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
        return endpoints.MapMetrics(Path).AllowAnonymous().WithMetadata(new HttpMethodMetadata(["GET"]));
    }

    private static bool Allowed(HttpContext context, string? token)
    {
        if (!string.IsNullOrEmpty(token) && context.Request.Headers.Authorization.ToString() is { Length: > 7 } header
            && header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..]), Encoding.UTF8.GetBytes(token));
        }

        return context.Connection.RemoteIpAddress is { } client && IPAddress.IsLoopback(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client);
    }
}
