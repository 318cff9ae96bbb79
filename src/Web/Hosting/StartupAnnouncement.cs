using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Demo;

namespace UMeetingReports.Web.Hosting;

/// <summary>Once the server listens, tells the person who started it where to go and, in the demo, how to sign in.</summary>
internal sealed partial class StartupAnnouncement(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<UMeetingOptions> upstream,
    UpstreamMode mode,
    AccountDirectory accounts,
    ILogger<StartupAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            LogListening(logger, address);
        }

        if (mode.IsDemo)
        {
            LogDemo(logger, DemoMode.SimulatorPath);
        }
        else
        {
            LogUpstream(logger, upstream.Value.BaseUrl!);
        }

        if (accounts.UsesDemoAccount)
        {
            // The demo account is public by design (README, sign-in page); real accounts never reach a log line.
            LogDemoAccount(logger, AccountDirectory.DemoUserName, AccountDirectory.DemoPassword);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "UMeeting Reports is ready at {Url}/meetings")]
    private static partial void LogListening(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mode: every report shows generated data from the embedded simulator at {Path}")]
    private static partial void LogDemo(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading meetings from {BaseUrl}")]
    private static partial void LogUpstream(ILogger logger, string baseUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo sign-in: user name {UserName}, password {Password} (configure Auth:Users to replace this account)")]
    private static partial void LogDemoAccount(ILogger logger, string userName, string password);
}
