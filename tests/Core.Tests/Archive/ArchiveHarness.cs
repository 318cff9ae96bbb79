using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// Core with the archive over one fresh test database, reading a simulator over real HTTP, on a fake clock (the
/// service's "now"); migrated before use. The background schedule is not started: tests run it a step at a time.
/// </summary>
internal sealed class ArchiveHarness : IAsyncDisposable
{
    /// <summary>The simulator's own "now" (SharedSimulator.Today at 15:00 in Shanghai).</summary>
    public static readonly DateTimeOffset SimulatorNow = new(2025, 6, 15, 15, 0, 0, TimeSpan.FromHours(8));

    private readonly CoreHarness _core;

    private ArchiveHarness(CoreHarness core, TestArchive archive, FakeTimeProvider clock)
    {
        _core = core;
        Archive = archive;
        Clock = clock;
    }

    public TestArchive Archive { get; }

    public FakeTimeProvider Clock { get; }

    public ArchiveSynchroniser Synchroniser => _core.Get<ArchiveSynchroniser>();

    public ArchiveDatabase Database => _core.Get<ArchiveDatabase>();

    public ArchiveMigrator Migrator => _core.Get<ArchiveMigrator>();

    public IArchiveHealth Health => _core.Get<IArchiveHealth>();

    public UpstreamZone Zone => _core.Zone;

    public IServiceProvider Services => _core.Services;

    public LogCapture Logs => _core.Logs;

    public static async Task<ArchiveHarness> StartAsync(
        RunningSimulator simulator,
        TestArchive archive,
        IReadOnlyDictionary<string, string?>? settings = null,
        DateTimeOffset? now = null,
        bool migrate = true)
    {
        var clock = new FakeTimeProvider(now ?? SimulatorNow);
        var values = new Dictionary<string, string?>(archive.Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var core = CoreHarness.Create(simulator.BaseAddress, values, clock: clock, register: services => services.AddMeetingArchive(archive.ContentRoot, schedule: false));
        var harness = new ArchiveHarness(core, archive, clock);
        if (migrate)
        {
            await harness.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        }

        return harness;
    }

    public ArchiveContext Context() => Database.CreateDbContext();

    public async Task<MonthWindow?> WindowAsync(DateOnly month)
    {
        await using var context = Context();
        return await context.MonthWindows.AsNoTracking().SingleOrDefaultAsync(window => window.Month == month, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The month's archived meetings, every field and row, as <see cref="GroundTruth"/> lines in the service's order,
    /// read back as the reports read them (<see cref="ArchiveReader"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> LinesAsync(DateOnly month)
    {
        await using var scope = Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<ArchiveReader>();
        var meetings = await reader.ReadAsync(
            reader.Context.Meetings.AsNoTracking().Where(meeting => meeting.WindowMonth == month), MeetingParts.All, TestContext.Current.CancellationToken);
        return GroundTruth.Lines(meetings);
    }

    /// <summary>Detail requests the simulator received for windows starting on <paramref name="month"/>'s first day.</summary>
    public static int DetailRequestsFor(RunningSimulator simulator, DateOnly month) =>
        simulator.Requests.Snapshot().Count(request => request.Path == "/umeeting/share/detail" && request.From == month);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _core.DisposeAsync();
        await Archive.DisposeAsync();
    }
}
