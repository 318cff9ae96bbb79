using Microsoft.Extensions.Options;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Where the upstream lives. By default UMeeting:BaseUrl; the web app's demo mode replaces it with the loopback
/// address of the simulator it hosts, which is only known once the server listens.
/// </summary>
public interface IUpstreamEndpoint
{
    Uri BaseAddress { get; }
}

internal sealed class ConfiguredUpstreamEndpoint(IOptions<UMeetingOptions> options) : IUpstreamEndpoint
{
    public Uri BaseAddress =>
        string.IsNullOrWhiteSpace(options.Value.BaseUrl)
            ? throw new InvalidOperationException(
                "UMeeting:BaseUrl is empty and no other upstream endpoint was registered: set UMeeting:BaseUrl to the meeting service's address.")
            : new Uri(options.Value.BaseUrl!, UriKind.Absolute);
}
