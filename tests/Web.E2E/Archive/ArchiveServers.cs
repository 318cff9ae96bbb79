using System.Globalization;
using System.Net;
using System.Net.Sockets;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Archive;

/// <summary>
/// The app with the archive's background schedule on, keeping the months from <see cref="Since"/> to the simulator's
/// today, on a clock stopped at the simulator's "now" (15:00 in Shanghai on <see cref="MeetingReportsServer.SimulatorToday"/>),
/// so that "today" is the same for the app and its simulator. Each server has a SQLite file of its own unless
/// <paramref name="connectionString"/> names one.
/// </summary>
public abstract class ArchiveScheduleServer(string? connectionString, DateTimeOffset? now, bool upstreamFails) : ClockedServer(now ?? SimulatorNow)
{
    public static readonly DateOnly Since = new(2025, 3, 1);

    /// <summary>15:00 on the simulator's today, in Shanghai.</summary>
    public static readonly DateTimeOffset SimulatorNow = new(2025, 6, 15, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The months the schedule keeps, newest first.</summary>
    public static IReadOnlyList<DateOnly> Months
    {
        get
        {
            var months = new List<DateOnly>();
            for (var month = new DateOnly(SimulatorToday.Year, SimulatorToday.Month, 1); month >= Since; month = month.AddMonths(-1))
            {
                months.Add(month);
            }

            return months;
        }
    }

    protected override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["Archive:Schedule"] = "true",
                ["Archive:Since"] = Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (connectionString is not null)
            {
                settings["ConnectionStrings:Archive"] = connectionString;
            }

            if (upstreamFails)
            {
                // Every call answered 503, given up at once: the app's fake clock must not hold a retry's delay.
                settings["Simulator:FailureRate"] = "1";
                settings["UMeeting:MaxRetryAttempts"] = "1";
                settings["UMeeting:RetryDelay"] = "00:00:00";
            }

            return settings;
        }
    }
}

/// <summary>The schedule on its own SQLite file, the meeting service answering (one per test class).</summary>
public sealed class ScheduledArchiveServer() : ArchiveScheduleServer(null, null, upstreamFails: false);

/// <summary>The schedule on a SQLite file a test names, at a time it chooses, the meeting service answering or failing every call.</summary>
public sealed class RestartedArchiveServer(string connectionString, DateTimeOffset now, bool upstreamFails)
    : ArchiveScheduleServer(connectionString, now, upstreamFails);

/// <summary>
/// The archive on a PostgreSQL server that is not there: a port of 127.0.0.1 nothing listens on. The app starts
/// anyway (the migration is tried again in the background) and its pages that need the archive answer 503.
/// </summary>
public sealed class UnreachableArchiveServer : MeetingReportsServer
{
    public const string Password = "never-shown-7f3a";

    public static readonly int ClosedPort = FreePort();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Archive:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Archive"] = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={ClosedPort};Database=umeeting_archive;Username=umeeting;Password={Password};Timeout=3"),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
