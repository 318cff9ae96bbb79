using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Export.Bench;

/// <summary>
/// The archive the exporter reads, as in the app: a migrated SQLite file whose months the app's own synchroniser filled
/// from the generated meetings (through <see cref="ListReader"/> in place of the meeting service). Seeding a million
/// rows takes minutes, so the file is kept in the temporary folder, named by the data it holds, and reused.
/// </summary>
internal static class BenchArchive
{
    /// <summary>The archive file holding <paramref name="data"/>'s meetings, seeded now unless an earlier run left it complete.</summary>
    public static async Task<string> PrepareAsync(BenchDataSize data)
    {
        var file = Path.Combine(Path.GetTempPath(), $"umeeting-bench-archive-{data.Label}.db");
        var seeded = file + ".seeded";
        if (File.Exists(file) && File.Exists(seeded))
        {
            Console.WriteLine($"  archive {file} (seeded by an earlier run: {await File.ReadAllTextAsync(seeded)})");
            return file;
        }

        File.Delete(file);
        var started = Stopwatch.GetTimestamp();
        var meetings = BenchData.Generate(data);
        await using (var services = Services(file, new ListReader(meetings)))
        {
            await services.MigrateArchiveAsync(CancellationToken.None);
            await using var scope = services.CreateAsyncScope();
            var filled = await scope.ServiceProvider.GetRequiredService<ArchiveReader>().EnsureAsync(BenchData.Period, progress: null, CancellationToken.None);
            if (!filled.Succeeded)
            {
                throw new InvalidOperationException($"The bench archive could not be seeded: {filled.Failure.Describe()}");
            }
        }

        var note = $"{meetings.Count:N0} meetings through the synchroniser in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s";
        await File.WriteAllTextAsync(seeded, note);
        Console.WriteLine($"  archive {file} seeded: {note}");
        return file;
    }

    /// <summary>
    /// Core as the app registers it (AddMeetingReports, AddMeetingArchive) over <paramref name="file"/>, with
    /// <paramref name="upstream"/> as the meeting service and the bench's rooms.
    /// </summary>
    public static ServiceProvider Services(string file, IMeetingReader upstream)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UMeeting:BaseUrl"] = "http://bench.invalid/",
            ["UMeeting:ApiKey"] = "bench",
            ["UMeeting:ApiSecret"] = "bench-secret",
            ["Archive:Provider"] = ArchiveOptions.SqliteProvider,
            ["ConnectionStrings:Archive"] = $"Data Source={file}",

            // One month at a time: with two, a month's lease waited on the other's write of ~85,000 joins past SQLite's
            // busy timeout on this 2-core machine ("database is locked" while seeding the million rows).
            ["Archive:ConcurrentWindows"] = "1",
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddMeetingReports();
        services.Replace(ServiceDescriptor.Singleton(upstream));
        services.Replace(ServiceDescriptor.Singleton<IRoomDirectory>(new FixedRooms(BenchData.Rooms)));
        services.AddMeetingArchive(Path.GetTempPath(), schedule: false);
        return services.BuildServiceProvider();
    }

    /// <summary>The upstream of a seeded archive: every month is there, so any read of the service is a mistake of the bench.</summary>
    public static IMeetingReader NoUpstream { get; } = new ListReader([], refuse: true);

    /// <summary>One export of the whole period from the archive, as the app's download does it.</summary>
    public static async Task<ExportOutcome> ExportAsync(ServiceProvider services, Stream output)
    {
        await using var scope = services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<IWorkbookExporter>();
        var request = new ExportRequest(BenchData.Period, HostId: null, "bench", RevealPhoneNumbers: false, new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        return await exporter.WriteXlsxAsync(request, output, progress: null, CancellationToken.None);
    }

    /// <summary>The archive read alone (every meeting with its joins and calls, streamed as the export reads it): the part of the export's time that is reading.</summary>
    public static async Task<long> ReadAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<ArchiveReader>();
        var rows = 0L;
        await foreach (var meeting in reader.EnumerateAsync(new MeetingQuery(BenchData.Period, ShowParticipants: true, ShowTelephonyUsage: true), progress: null, CancellationToken.None))
        {
            rows += 1 + meeting.Participants.Count + meeting.Telephony.Count;
        }

        return rows;
    }
}
