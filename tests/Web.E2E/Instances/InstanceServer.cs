using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.E2E.Archive;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Instances;

/// <summary>
/// One instance of the real app (Kestrel on its own port) on a PostgreSQL database that other instances share, on a
/// clock stopped at the simulator's "now" (each instance has its own, as each machine would). Nothing of one instance
/// is visible to another but through that database and the exports folder.
/// </summary>
internal sealed class InstanceServer(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : ClockedServer(ArchiveScheduleServer.SimulatorNow)
{
    /// <summary>The upstream attempts this instance made since it started (what /archive's upstream-requests shows).</summary>
    public long UpstreamRequests => Services.GetRequiredService<UpstreamStatus>().Attempts;

    public bool RunsSchedule => Services.GetRequiredService<ArchiveCoordination>().HoldsSchedule;

    protected override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var all = new Dictionary<string, string>
            {
                ["Archive:Provider"] = ArchiveOptions.PostgreSqlProvider,
                ["ConnectionStrings:Archive"] = connectionString,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            return all;
        }
    }

    public static async Task<InstanceServer> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new InstanceServer(connectionString, settings);
        await server.InitializeAsync();
        return server;
    }

    /// <summary>The month windows as the shared database holds them.</summary>
    public async Task<IReadOnlyList<MonthWindow>> WindowsAsync()
    {
        await using var context = Services.GetRequiredService<ArchiveDatabase>().CreateDbContext();
        return await context.MonthWindows.AsNoTracking().OrderByDescending(window => window.Month).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits (two minutes at most) until every month from <paramref name="since"/> to today is synced.</summary>
    public async Task<IReadOnlyList<MonthWindow>> WaitUntilSyncedAsync(DateOnly since)
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(SimulatorToday.Year, SimulatorToday.Month, 1); month >= since; month = month.AddMonths(-1))
        {
            months.Add(month);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var windows = await WindowsAsync();
            var synced = windows.Where(window => window.State == MonthWindowState.Synced).Select(window => window.Month).ToHashSet();
            if (months.All(synced.Contains))
            {
                return windows;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Synced after two minutes: {string.Join(", ", synced.Order().Select(month => month.ToString("yyyy-MM", CultureInfo.InvariantCulture)))}; wanted {months.Count} months.");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
