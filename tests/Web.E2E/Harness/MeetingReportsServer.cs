using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, in demo mode (asked for, so that subclasses may run it as
/// Production): the embedded simulator answers under /demo-upstream with its data pinned to
/// <see cref="SimulatorToday"/>, so every run sees the same meetings.
/// Subclasses add settings (accounts, faults) through <see cref="Settings"/>.
/// </summary>
public class MeetingReportsServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The simulator's last day of data; its history runs 400 days back from here.</summary>
    public static readonly DateOnly SimulatorToday = new(2025, 6, 15);

    // UseKestrel() without a port: UseKestrel(0) makes the factory rewrite the server's addresses between building and
    // starting the host, while Program.cs, run on its own thread, may already be starting Kestrel ("Addresses cannot be
    // modified after the server has started"). The address comes from the "urls" setting below instead.
    public MeetingReportsServer() => UseKestrel();

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/ (known once started).</summary>
    public Uri RootUri { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public ValueTask InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting an address.");
        RootUri = new Uri(address.TrimEnd('/') + "/");
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // UseSetting, not ConfigureAppConfiguration: host settings are visible to everything Program.cs reads early.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting("UMeeting:Mode", "Demo");
        builder.UseSetting("UMeeting:BaseUrl", "");
        builder.UseSetting("Simulator:Today", SimulatorToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("ConnectionStrings:Archive", TestArchive.ConnectionString(GetType().Name));

        // A page waits this long for months read for the first time before it shows progress instead: long enough that
        // a test's first look at a month is the page itself on a loaded machine. Servers whose tests are about the
        // progress set their own (AccountsServer, SlowUpstreamServer).
        builder.UseSetting("Gathering:RenderWait", "00:00:10");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
