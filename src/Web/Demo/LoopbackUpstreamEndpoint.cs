using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Demo;

/// <summary>
/// In the demo the upstream is the simulator this very server hosts under <see cref="DemoMode.SimulatorPath"/>;
/// its address is known only once the server listens (port 0 in tests), so it is read at first use.
/// Registered in demo mode only, in place of UMeeting:BaseUrl.
/// </summary>
internal sealed class LoopbackUpstreamEndpoint(IServer server) : IUpstreamEndpoint
{
    private Uri? _loopback;

    public Uri BaseAddress => _loopback ??= FindLoopback();

    private Uri FindLoopback()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var bound = addresses
            .Select(BindingAddress.Parse)
            .Where(address => !address.IsUnixPipe && !address.IsNamedPipe)
            .OrderBy(address => address.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(
                "The demo reaches its embedded simulator over this server's own HTTP address, but the server is bound to none: "
                + "run it on Kestrel with a TCP address (e.g. --urls http://127.0.0.1:5080).");

        var host = IsWildcardOrLocalhost(bound.Host) ? IPAddress.Loopback.ToString() : bound.Host;
        return new Uri($"{bound.Scheme}://{host}:{bound.Port}{bound.PathBase}{DemoMode.SimulatorPath}/", UriKind.Absolute);
    }

    // Kestrel reports "*", "+" and "0.0.0.0" binds as [::] and keeps "localhost" as written; all of them answer on 127.0.0.1.
    private static bool IsWildcardOrLocalhost(string host) =>
        host is "*" or "+" or "[::]" or "0.0.0.0" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
}
