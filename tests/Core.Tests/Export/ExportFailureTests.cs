using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>A download that cannot be complete is no download: nothing reaches the output and nothing stays on disk.</summary>
public sealed class ExportFailureTests
{
    private static readonly DatePeriod Spring = new(new(2025, 3, 1), new(2025, 5, 31));
    private static readonly DatePeriod May = new(new(2025, 5, 1), new(2025, 5, 31));

    [Fact]
    public async Task Returns_the_failure_naming_the_window_and_writes_nothing_when_the_upstream_fails_half_way_through_a_workbook()
    {
        await using var sim = await FailingInMayAsync();
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(ExportHarness.SimulatorNow));
        using var output = new MemoryStream();
        var progress = new ExportProgressLog();

        var outcome = await core.Exporter(folder).WriteXlsxAsync(ExportHarness.Request(Spring), output, progress, TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Equal(May, outcome.Failure.Window);
        Assert.Equal(UpstreamFailureKind.Rejected, outcome.Failure.Kind);
        Assert.Equal((0, 0L), (output.Length, outcome.Bytes));
        Assert.Empty(outcome.Sheets);
        Assert.Empty(folder.Files);
        // The period's months are made present before a row is read: the failure comes before any row.
        Assert.All(progress.Reports, report => Assert.Equal((ExportStage.Gathering, 0L), (report.Stage, report.Rows)));
    }

    [Fact]
    public async Task Returns_the_failure_and_writes_nothing_when_the_upstream_fails_half_way_through_a_csv()
    {
        await using var sim = await FailingInMayAsync();
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(ExportHarness.SimulatorNow));
        using var output = new MemoryStream();

        var outcome = await core.Exporter(folder).WriteCsvAsync(ExportHarness.Request(Spring), CsvTable.Participants, output, progress: null, TestContext.Current.CancellationToken);

        Assert.Equal(May, outcome.Failure?.Window);
        Assert.Equal(0, output.Length);
        Assert.Empty(folder.Files);
    }

    [Fact]
    public async Task Leaves_no_file_behind_when_the_download_is_cancelled()
    {
        await using var sim = await SharedSimulator.StartSmallAsync(options => options.LatencyMilliseconds = 20);
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: new FakeTimeProvider(ExportHarness.SimulatorNow));
        using var output = new MemoryStream();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new CancelOnFirstReport(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => core.Exporter(folder).WriteXlsxAsync(ExportHarness.Request(Spring), output, progress, cancel.Token));

        Assert.True(progress.Reported);
        Assert.Equal(0, output.Length);
        Assert.Empty(folder.Files);
    }

    private static async Task<RunningSimulator> FailingInMayAsync()
    {
        var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Rejected, When: request => request.From is { Month: 5 }, Status: 500, Message: "quota exceeded"));
        return sim;
    }

    private sealed class CancelOnFirstReport(CancellationTokenSource cancel) : IProgress<ExportProgress>
    {
        public bool Reported { get; private set; }

        public void Report(ExportProgress value)
        {
            Reported = true;
            cancel.Cancel();
        }
    }
}
