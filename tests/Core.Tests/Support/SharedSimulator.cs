using UMeetingReports.Simulator;
using Xunit;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>
/// One fault-free simulator shared by a test class: its data is read-only, and each test builds its own Core
/// (its own cache) and clears the request log first. Tests that program faults start their own.
/// </summary>
public sealed class SharedSimulator : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2025, 6, 15);

    private RunningSimulator? _simulator;

    internal RunningSimulator Simulator => _simulator ?? throw new InvalidOperationException("The simulator has not started.");

    public async ValueTask InitializeAsync() =>
        _simulator = await RunningSimulator.StartAsync(options => options.Today = Today, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    /// <summary>A small simulator of its own, for tests that program faults.</summary>
    internal static Task<RunningSimulator> StartSmallAsync(Action<SimulatorOptions>? configure = null) =>
        RunningSimulator.StartAsync(
            options =>
            {
                options.Today = Today;
                options.Days = 120;
                options.Rooms = 4;
                configure?.Invoke(options);
            },
            TestContext.Current.CancellationToken);
}
