using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Demo;

/// <summary>
/// Demo mode (<see cref="UpstreamMode.Demo"/>): the app serves the embedded simulator and reads it like the real upstream.
/// </summary>
internal static class DemoMode
{
    public const string SimulatorPath = "/demo-upstream";

    /// <summary>The simulator's own credentials; the demo fills them in only when none are configured.</summary>
    public const string ApiKey = "demo";

    public const string ApiSecret = "demo-secret";

    /// <summary>
    /// The simulator answers callers on this machine only (loopback, or this server's own address), that is the app
    /// reading its upstream; anyone else gets 404. Its credentials are published, and its answers carry every phone
    /// number whole, which a Viewer must not be able to fetch past the pages.
    /// </summary>
    public static void OnlyThisMachine(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var next = endpoint.RequestDelegate ?? throw new InvalidOperationException("The simulator's endpoint has no handler.");
        endpoint.RequestDelegate = context =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is not null && (System.Net.IPAddress.IsLoopback(remote) || remote.Equals(context.Connection.LocalIpAddress)))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        };
    }
}

/// <summary>
/// Gives the demo its credentials before UMeetingOptions are validated (post-configure runs first), and, unless a
/// rate is configured, lifts the politeness limit: the vendor's rate limit protects the vendor, and the demo's
/// upstream is this process on loopback. Registered in demo mode only.
/// </summary>
internal sealed class DemoCredentials(IConfiguration configuration) : IPostConfigureOptions<UMeetingOptions>
{
    public const int DemoRequestsPerSecond = 200;

    public void PostConfigure(string? name, UMeetingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            options.ApiKey = DemoMode.ApiKey;
        }

        if (string.IsNullOrEmpty(options.ApiSecret))
        {
            options.ApiSecret = DemoMode.ApiSecret;
        }

        if (configuration[$"{UMeetingOptions.SectionName}:{nameof(UMeetingOptions.RequestsPerSecond)}"] is null)
        {
            options.RequestsPerSecond = DemoRequestsPerSecond;
        }
    }
}
