using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using UMeetingReports.Export.Bench;

// P3 and A4: the exporter, reading the period from a seeded SQLite archive as the app's download does, against a plain
// OpenXmlWriter baseline writing the same cells from the same meetings in memory. P3 is 200,000 rows (meetings, joins
// and calls together); A4 is 1,000,000 participant rows (--participant-rows 1000000).
// Time: in this process, after a warm-up of each, several repetitions in alternating order; the ratio of the medians.
// The archive read alone (no writing) is timed too, to show the reading's share.
// Memory: each variant alone in a child process (workstation and server GC), its peak resident set read from
// /proc/self/status (VmHWM) at the end; a child that only generates the data shows what the data itself takes (the
// exporter's child never holds it: it reads the archive).
var settings = BenchSettings.Parse(args);
if (settings.Child is { } child)
{
    return await Child.RunAsync(child, settings.Size);
}

var loadAtStart = Machine.LoadAverage();
Console.WriteLine($"{settings.Figure} export: {settings.Size}; {Machine.Describe()}");
var archive = await BenchArchive.PrepareAsync(settings.Size);
if (args.Contains("--seed-only"))
{
    return 0;
}

var meetings = BenchData.Generate(settings.Size);
var (joins, calls) = (meetings.Sum(m => m.Participants.Count), meetings.Sum(m => m.Telephony.Count));
Console.WriteLine($"  {meetings.Count:N0} meetings + {joins:N0} joins + {calls:N0} calls = {meetings.Count + joins + calls:N0} rows");

await using var services = BenchArchive.Services(archive, BenchArchive.NoUpstream);
var variants = new Variants(meetings, services);
string[] timed = ["exporter", "baseline", "read"];
var times = timed.ToDictionary(variant => variant, _ => new List<double>());
var allocated = timed.ToDictionary(variant => variant, _ => new List<long>());
var sizes = new Dictionary<string, long>();
foreach (var variant in timed)
{
    sizes[variant] = (await variants.RunAsync(variant)).Bytes;
    Console.WriteLine($"  warm-up {variant}: {sizes[variant]:N0} bytes");
}

for (var repetition = 0; repetition < settings.Repetitions; repetition++)
{
    var order = repetition % 2 == 0 ? timed : [.. timed.Reverse()];
    foreach (var variant in order)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var run = await variants.RunAsync(variant);
        times[variant].Add(run.Seconds);
        allocated[variant].Add(run.Allocated);
        Console.WriteLine($"  run {repetition + 1} {variant}: {run.Seconds:0.000} s ({run.CpuSeconds:0.000} s of CPU), {run.Allocated / Machine.MiB:N0} MiB allocated; load {Machine.LoadAverage()}");
    }
}

var peaks = new List<(string Gc, string Variant, double Peak, double Seconds)>();
foreach (var server in new[] { false, true })
{
    for (var repetition = 0; repetition < settings.ChildRepetitions; repetition++)
    {
        string[] order = repetition % 2 == 0 ? ["data", "exporter", "baseline"] : ["data", "baseline", "exporter"];
        foreach (var variant in order)
        {
            var (peak, seconds) = await Child.StartAsync(variant, settings, server);
            peaks.Add((server ? "server" : "workstation", variant, peak, seconds));
            Console.WriteLine($"  child {variant} ({(server ? "server" : "workstation")} GC): peak {peak:N0} MiB, {seconds:0.000} s cold");
        }
    }
}

var lines = Report.Lines(settings, meetings.Count, joins, calls, times, allocated, sizes, peaks);
Console.WriteLine();
lines.ForEach(line => Console.WriteLine(line));
if (settings.ResultsFile is { } results)
{
    // Under bench/run.sh the run's header (date, machine, commit, load) is already written; alone, this writes its own.
    var header = Environment.GetEnvironmentVariable("BENCH_RESULTS_HEADER") == "1" ? string.Empty : await Machine.ResultsHeaderAsync(results, loadAtStart);
    await File.AppendAllTextAsync(results, header + string.Concat(lines.Select(line => $"- {line}\n")));
    Console.WriteLine($"Appended to {results}");
}

return 0;

internal sealed record BenchSettings(BenchDataSize Size, int Repetitions, int ChildRepetitions, string? Child, string? ResultsFile)
{
    /// <summary>The figure of bench/README.md this run measures.</summary>
    public string Figure => Size.ParticipantRowsOnly ? "A4" : "P3";

    /// <summary>The same settings as arguments, for a child process.</summary>
    public IEnumerable<string> SizeArguments => [Size.ParticipantRowsOnly ? "--participant-rows" : "--rows", Size.Rows.ToString(CultureInfo.InvariantCulture)];

    public static BenchSettings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault();
        var results = args.Contains("--no-results") ? null : Value("--results") ?? Path.Combine(RepositoryRoot(), "bench", "RESULTS.md");
        var size = Value("--participant-rows") is { } participantRows
            ? new BenchDataSize(int.Parse(participantRows, CultureInfo.InvariantCulture), ParticipantRowsOnly: true)
            : new BenchDataSize(int.Parse(Value("--rows") ?? "200000", CultureInfo.InvariantCulture), ParticipantRowsOnly: false);
        return new BenchSettings(
            size,
            int.Parse(Value("--repetitions") ?? "5", CultureInfo.InvariantCulture),
            int.Parse(Value("--child-repetitions") ?? "2", CultureInfo.InvariantCulture),
            Value("--child"),
            results);
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "UMeetingReports.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("UMeetingReports.sln was not found above the current directory: pass --results <file> or --no-results.");
    }
}

internal readonly record struct Run(double Seconds, long Allocated, long Bytes)
{
    /// <summary>CPU time the whole process used during the run (every thread, so a run that overlaps its work shows more than its wall time).</summary>
    public double CpuSeconds { get; init; }
}

internal sealed class Variants(IReadOnlyList<UMeetingReports.Core.Upstream.Meeting> meetings, Microsoft.Extensions.DependencyInjection.ServiceProvider archive)
{
    /// <summary>One run of a variant, timed: an export into a temporary file (deleted afterwards), or the archive read alone.</summary>
    public async Task<Run> RunAsync(string variant)
    {
        var path = Path.Combine(Path.GetTempPath(), $"umeeting-bench-{variant}-{Environment.ProcessId}.xlsx");
        try
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            if (variant == "read")
            {
                var rows = await BenchArchive.ReadAsync(archive);
                return new Run(Stopwatch.GetElapsedTime(started).TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, rows) { CpuSeconds = Cpu() };
            }

            await using (var output = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                if (variant == "exporter")
                {
                    var outcome = await BenchArchive.ExportAsync(archive, output);
                    if (!outcome.Succeeded)
                    {
                        throw new InvalidOperationException(outcome.Failure.Describe());
                    }
                }
                else
                {
                    BaselineWriter.Write(meetings, output);
                }
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return new Run(seconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, new FileInfo(path).Length) { CpuSeconds = Cpu() };

            double Cpu() => (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

internal static class Child
{
    private const string Marker = "BENCH-CHILD";

    /// <summary>Runs one variant in a fresh process and reads back its peak resident set and its (cold) time.</summary>
    public static async Task<(double PeakMiB, double Seconds)> StartAsync(string variant, BenchSettings settings, bool serverGc)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Child).Assembly.Location);
        }

        foreach (var argument in (string[])["--child", variant, .. settings.SizeArguments, "--no-results"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(text => text.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {variant} child exited with {process.ExitCode} and printed: {output}");
        var fields = line.Split(' ');
        return (double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The child's one run: the exporter reads the archive the parent seeded (and never holds the meetings); the
    /// baseline and "data" generate the meetings in memory, as the baseline needs them.
    /// </summary>
    public static async Task<int> RunAsync(string variant, BenchDataSize size)
    {
        var seconds = 0d;
        if (variant == "exporter")
        {
            var file = await BenchArchive.PrepareAsync(size);
            await using var services = BenchArchive.Services(file, BenchArchive.NoUpstream);
            seconds = (await new Variants([], services).RunAsync(variant)).Seconds;
        }
        else
        {
            var meetings = BenchData.Generate(size);
            if (variant != "data")
            {
                seconds = (await new Variants(meetings, null!).RunAsync(variant)).Seconds;
            }

            GC.KeepAlive(meetings);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Marker} {Machine.PeakResidentMiB():0.0} {seconds:0.000} gcServer={GCSettings.IsServerGC}"));
        return 0;
    }
}

internal static class Machine
{
    public const double MiB = 1024 * 1024;

    /// <summary>VmHWM: the most memory this process has held resident, over its whole life.</summary>
    public static double PeakResidentMiB() => KibibytesOf("/proc/self/status", "VmHWM:") / 1024;

    public static string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores (nproc), {KibibytesOf("/proc/meminfo", "MemTotal:") / 1024 / 1024:0.0} GiB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

    /// <summary>The header bench/run.sh writes (date, cores, memory, commit, CPU, load), for a run of this benchmark alone.</summary>
    public static async Task<string> ResultsHeaderAsync(string resultsFile, string load)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(resultsFile))!;
        var commit = (await GitAsync(directory, "rev-parse", "--short", "HEAD")).Trim();
        var dirty = (await GitAsync(directory, "--no-optional-locks", "status", "--porcelain")).Length > 0 ? " with uncommitted changes" : string.Empty;
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var text = new StringBuilder();
        if (!File.Exists(resultsFile))
        {
            text.Append("# Benchmark results\n\nAppended by bench/run.sh and the scripts it runs, newest last; what each line measures is in bench/README.md.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {KibibytesOf("/proc/meminfo", "MemTotal:") / 1024 / 1024:0.0} GiB · commit {(commit.Length > 0 ? commit : "unknown")}{dirty} · bench/Export alone\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{cpu}; load average at the start {load} (above {Environment.ProcessorCount} means other work shared the cores).\n\n");
        return text.ToString();
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = directory };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return string.Empty;
        }
    }

    private static double KibibytesOf(string file, string key)
    {
        var line = File.ReadLines(file).FirstOrDefault(text => text.StartsWith(key, StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

internal static class Report
{
    private const double TimeGoal = 1.5;
    private const double PeakGoalMiB = 400;

    /// <summary>One line per figure, each with its goal and met or MISSED, as bench/RESULTS.md keeps them.</summary>
    public static List<string> Lines(
        BenchSettings settings,
        int meetings,
        int joins,
        int calls,
        Dictionary<string, List<double>> times,
        Dictionary<string, List<long>> allocated,
        Dictionary<string, long> sizes,
        List<(string Gc, string Variant, double Peak, double Seconds)> peaks)
    {
        var exporter = Median(times["exporter"]);
        var baseline = Median(times["baseline"]);
        var ratio = exporter / baseline;
        double Peak(string gc, string variant) => peaks.Where(p => p.Gc == gc && p.Variant == variant).Select(p => p.Peak).DefaultIfEmpty(double.NaN).Max();
        var worst = Math.Max(Peak("workstation", "exporter"), Peak("server", "exporter"));
        var invariant = CultureInfo.InvariantCulture;
        return
        [
            string.Create(invariant, $"{settings.Figure} export {settings.Size} ({meetings:N0} meetings, {joins:N0} joins, {calls:N0} calls; Viewer, numbers masked) read from a seeded SQLite archive: exporter {exporter:0.00} s, plain OpenXmlWriter baseline (same cells, from the meetings in memory) {baseline:0.00} s (medians of {settings.Repetitions} warm runs each, alternating, one process; fastest {times["exporter"].Min():0.00} s and {times["baseline"].Min():0.00} s) = {ratio:0.00} × (goal <= {TimeGoal} ×: {Verdict(ratio <= TimeGoal)}); of the exporter's time, reading the archive alone takes {Median(times["read"]):0.00} s; files {sizes["exporter"] / Machine.MiB:0.0} and {sizes["baseline"] / Machine.MiB:0.0} MiB"),
            string.Create(invariant, $"{settings.Figure} export peak memory (VmHWM of its own process, largest of {settings.ChildRepetitions}): exporter {Peak("workstation", "exporter"):N0} MiB workstation GC, {Peak("server", "exporter"):N0} MiB server GC (goal <= {PeakGoalMiB} MiB: {Verdict(worst, PeakGoalMiB)}); baseline {Peak("workstation", "baseline"):N0} and {Peak("server", "baseline"):N0} MiB (it holds the meetings in memory: the generated data alone {Peak("workstation", "data"):N0} and {Peak("server", "data"):N0} MiB); allocated per run {Median(allocated["exporter"]) / Machine.MiB:N0} MiB against {Median(allocated["baseline"]) / Machine.MiB:N0} MiB"),
        ];
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string Verdict(double value, double goal) => double.IsNaN(value) ? "not measured" : Verdict(value <= goal);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Median(List<long> values) => Median(values.Select(value => (double)value).ToList());
}
