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

    /// <summary>The month's archived meetings, every field and row, as <see cref="GroundTruth"/> lines in the service's order.</summary>
    public async Task<IReadOnlyList<string>> LinesAsync(DateOnly month)
    {
        await using var context = Context();
        var meetings = await context.Meetings.AsNoTracking()
            .Where(meeting => meeting.WindowMonth == month)
            .OrderBy(meeting => meeting.WindowPosition)
            .Include(meeting => meeting.Participants)
            .Include(meeting => meeting.Telephony)
            .AsSplitQuery()
            .ToListAsync(TestContext.Current.CancellationToken);
        return GroundTruth.Lines(meetings.Select(ToMeeting));
    }

    /// <summary>An archived row read back as the reader's record, through the configured zone.</summary>
    public Meeting ToMeeting(ArchivedMeeting row) => new(
        row.Uuid,
        row.HostId,
        row.MeetingId,
        row.Topic,
        Zone.Attach(row.Start),
        row.ScheduledMinutes,
        row.End is { } end ? Zone.Attach(end) : null,
        row.IsExtra,
        [.. row.Participants.OrderBy(session => session.Position).Select(session => new Participant(session.Name, Zone.Attach(session.JoinTime), session.LeaveTime is { } leave ? Zone.Attach(leave) : null))],
        [.. row.Telephony.OrderBy(leg => leg.Position).Select(leg => new TelephonyCall(leg.PhoneNumber, leg.Type, Zone.Attach(leg.StartTime), leg.EndTime is { } end ? Zone.Attach(end) : null, leg.Minutes, leg.Cost))]);

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
