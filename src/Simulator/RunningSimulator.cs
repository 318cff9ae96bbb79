using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;

namespace UMeetingReports.Simulator;

/// <summary>
/// The simulator on its own Kestrel at 127.0.0.1 on a free port, for tests and benchmarks that need a real
/// HTTP upstream. The data set is built before the server starts, so the first request is not slower.
/// </summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningSimulator(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Dataset = app.Services.GetRequiredService<SimulatorDataset>();
        Faults = app.Services.GetRequiredService<SimulatorFaults>();
        Requests = app.Services.GetRequiredService<SimulatorRequestLog>();
    }

    /// <summary>e.g. http://127.0.0.1:41234/ — the endpoints are at umeeting/share/detail and umeeting/share/rooms under it.</summary>
    public Uri BaseAddress { get; }

    public SimulatorDataset Dataset { get; }

    public SimulatorFaults Faults { get; }

    public SimulatorRequestLog Requests { get; }

    public static async Task<RunningSimulator> StartAsync(Action<SimulatorOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Hermetic: only the defaults and the caller's configure decide, not an appsettings.json or environment
        // variable that happens to sit beside the test binaries.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        // Requests held by a Timeout fault end with the host; no need to wait the default 30 s for them.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddUMeetingSimulator(configure);

        var app = builder.Build();
        try
        {
            app.MapUMeetingSimulator();
            _ = app.Services.GetRequiredService<SimulatorDataset>();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new RunningSimulator(app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
