using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Data;
using Xunit;

namespace UMeetingReports.Core.Tests.Simulator;

/// <summary>
/// One simulator per test class on a fixed "today" (a Friday, "now" 15:00), so expected values are stable.
/// Classes run in parallel but each owns its instance, so faults programmed in one never leak into another.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2025, 11, 28);

    private RunningSimulator? _simulator;

    public RunningSimulator Simulator => _simulator ?? throw new InvalidOperationException("The fixture has not started.");

    public SimulatorDataset Dataset => Simulator.Dataset;

    public UpstreamTestClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = await RunningSimulator.StartAsync(options => options.Today = Today, TestContext.Current.CancellationToken);
        Client = new UpstreamTestClient(_simulator.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
