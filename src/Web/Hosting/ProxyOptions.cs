using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// The "ForwardedHeaders" section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.
/// None by default, loopback included: any local process could otherwise claim to be any client (and dodge the
/// per-address sign-in throttle).
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. 127.0.0.1 and ::1 for one on this host.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. 172.18.0.0/16 for a container network.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Trusts exactly the configured proxies, nothing of the framework's defaults.</summary>
    internal void ApplyTo(ForwardedHeadersOptions options)
    {
        // Empty lists would make the middleware believe every client: with no proxy configured it reads nothing.
        options.ForwardedHeaders = KnownProxies.Count + KnownNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }
    }
}

/// <summary>Each proxy entry that is not an address or a network stops the start with a sentence naming it.</summary>
internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var index = 0; index < options.KnownProxies.Count; index++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[index].Trim(), out _))
            {
                failures.Add($"{ProxyOptions.SectionName}:KnownProxies:{index} '{options.KnownProxies[index]}' is not an IP address (e.g. 127.0.0.1 or ::1).");
            }
        }

        for (var index = 0; index < options.KnownNetworks.Count; index++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[index].Trim(), out _))
            {
                failures.Add($"{ProxyOptions.SectionName}:KnownNetworks:{index} '{options.KnownNetworks[index]}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
