using System.Diagnostics;
using System.Globalization;
using UMeetingReports.Gather.Bench;
using UMeetingReports.Simulator;

// P2 (bench/README.md): how close gathering a 12-month period comes to what the upstream's latency and
// UMeeting:MaxConcurrency allow, and whether any upstream request is wasted. Lines starting with "P2 " are the
// figures bench/run.sh appends to bench/RESULTS.md.
if (!GatherSettings.TryParse(args, out var settings, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(GatherSettings.Usage);
    return 2;
}

using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var cancellationToken = stop.Token;

var building = Stopwatch.StartNew();
await using var simulator = await RunningSimulator.StartAsync(
    options =>
    {
        options.Today = settings.Today;
        options.Days = settings.Days;
        options.MeetingsPerRoomPerDay = settings.MeetingsPerRoomPerDay;
        options.LatencyMilliseconds = settings.LatencyMilliseconds;
    },
    cancellationToken);
building.Stop();

var period = settings.Period();
var ledger = new UpstreamLedger(simulator, period, settings.MaxPageSize);
var bench = new GatherRuns(simulator, ledger, settings);

Console.WriteLine(Invariant($"Gathering {period} ({ledger.Windows.Count} month windows, {ledger.Meetings:N0} meetings, participants and telephony); simulator built in {building.ElapsedMilliseconds:N0} ms"));
Console.WriteLine(Invariant($"   simulator latency {settings.LatencyMilliseconds} ms, MaxConcurrency {settings.MaxConcurrency}, RequestsPerSecond {settings.RequestsPerSecond}, MaxPageSize {settings.MaxPageSize}, {settings.MeetingsPerRoomPerDay} meetings per room per weekday"));

// The first gatherings in a fresh process also pay for JIT compilation (tiered compilation promotes the hot code over
// the first few thousand pages' worth of calls) and the first connections; each runs on a Core of its own (its own
// cache), so the measured gatherings below are still on a cold cache, in a process that has run for a while.
var first = await bench.GatherOnFreshCoreAsync(cancellationToken);
await first.Core.DisposeAsync();
Console.WriteLine(Invariant($"   first gathering in a fresh process (JIT and cache cold): {first.Milliseconds:N0} ms, {first.Tally.Requests} upstream requests"));
for (var warmUp = 2; warmUp <= settings.WarmUps; warmUp++)
{
    var run = await bench.GatherOnFreshCoreAsync(cancellationToken);
    await run.Core.DisposeAsync();
    Console.WriteLine(Invariant($"   warm-up gathering {warmUp}: {run.Milliseconds:N0} ms"));
}

// Each repetition: a cold gathering on a Core of its own, then the same requests without Core. The median of each
// keeps a moment when other work took the cores from deciding the figure.
var colds = new List<GatherRun>();
var alones = new List<(long Milliseconds, long Bytes)>();
for (var repetition = 1; repetition <= settings.Repetitions; repetition++)
{
    var run = await bench.GatherOnFreshCoreAsync(cancellationToken);
    var alone = await UpstreamAlone.FetchAsync(simulator, run.Tally.Detail, settings.MaxConcurrency, cancellationToken);
    Console.WriteLine(Invariant($"   gathering {repetition}, cache cold: {run.Milliseconds:N0} ms (process CPU {run.CpuMilliseconds:N0} ms, client and simulator), {run.Tally.Requests} requests, {run.Tally.Repeated} asked twice; the same requests from a plain HttpClient, {settings.MaxConcurrency} at a time, answers read but not parsed: {alone.Milliseconds:N0} ms ({alone.Bytes / 1_048_576.0:N1} MiB of JSON)"));
    colds.Add(run);
    alones.Add(alone);
}

var last = colds[^1];
var warm = await bench.GatherAgainAsync(last.Core, cancellationToken);
foreach (var run in colds)
{
    await run.Core.DisposeAsync();
}

var cold = Median(colds.Select(run => run.Milliseconds));
var upstreamAlone = Median(alones.Select(alone => alone.Milliseconds));
var requests = colds.Max(run => run.Tally.Requests);
var repeated = colds.Max(run => run.Tally.Repeated);
var limit = UpstreamLedger.LimitMilliseconds(requests, settings.MaxConcurrency, settings.LatencyMilliseconds);
var ratio = cold / (double)limit;
Console.WriteLine(Invariant($"   median cold gathering {cold:N0} ms; limit ⌈{requests} ÷ {settings.MaxConcurrency}⌉ × {settings.LatencyMilliseconds} ms = {limit:N0} ms; median upstream alone {upstreamAlone:N0} ms"));
Console.WriteLine(Invariant($"   upstream requests: {requests}, minimum {ledger.MinimumRequests} (Σ over month windows of ⌈records ÷ {settings.MaxPageSize}⌉), asked twice: {repeated}"));
Console.WriteLine(Invariant($"   second gathering of the same period: {warm.Milliseconds:N0} ms, {warm.Tally.Requests} upstream requests"));

var analytics = await bench.AnalyticsOnFreshCoreAsync(cancellationToken);
foreach (var line in analytics.Describe())
{
    Console.WriteLine(Invariant($"   {line}"));
}

GatherRun? rateBound = null;
if (settings.CompareDefaultRate)
{
    rateBound = await bench.GatherOnFreshCoreAsync(GatherSettings.DefaultRequestsPerSecond, cancellationToken);
    await rateBound.Core.DisposeAsync();
    var rateLimit = UpstreamLedger.LimitMilliseconds(rateBound.Tally.Requests, GatherSettings.DefaultRequestsPerSecond, 1000);
    Console.WriteLine(Invariant($"   with the default RequestsPerSecond {GatherSettings.DefaultRequestsPerSecond}: {rateBound.Milliseconds:N0} ms for {rateBound.Tally.Requests} requests; that rate alone allows no less than ⌈{rateBound.Tally.Requests} ÷ {GatherSettings.DefaultRequestsPerSecond}⌉ s = {rateLimit:N0} ms"));
}

var complete = first.Complete && colds.All(run => run.Complete) && warm.Complete && analytics.Complete && (rateBound?.Complete ?? true);
var requestsMet = repeated == 0 && colds.All(run => run.Tally.Requests == ledger.MinimumRequests) && warm.Tally.Requests == 0;
Console.WriteLine(
    Invariant($"P2 gather {settings.Months} months ({ledger.Meetings:N0} meetings, {settings.MeetingsPerRoomPerDay}/room/weekday), cache cold, median of {settings.Repetitions}: {cold:N0} ms = {ratio:0.00} × limit {limit:N0} ms (goal ≤ 1.25: {Verdict(ratio <= 1.25)}); ")
    + Invariant($"requests {requests} of minimum {ledger.MinimumRequests}, {repeated} asked twice, second run {warm.Tally.Requests} (goal minimum, 0, 0: {Verdict(requestsMet)}); ")
    + Invariant($"the same requests without Core {upstreamAlone:N0} ms; first gathering in a fresh process {first.Milliseconds:N0} ms; all cold runs: {string.Join(", ", colds.Select(run => run.Milliseconds))} ms"));
Console.WriteLine(Invariant($"P2 analytics, cache cold: {analytics.Summary()}"));
if (rateBound is not null)
{
    Console.WriteLine(Invariant($"P2 gather with the default RequestsPerSecond {GatherSettings.DefaultRequestsPerSecond}: {rateBound.Milliseconds:N0} ms ({rateBound.Tally.Requests} requests; that rate alone needs ≥ {UpstreamLedger.LimitMilliseconds(rateBound.Tally.Requests, GatherSettings.DefaultRequestsPerSecond, 1000):N0} ms)"));
}

if (!complete)
{
    await Console.Error.WriteLineAsync("P2: a gathering failed or did not return every meeting of the period (see above); the figures do not describe a complete read.");
    return 1;
}

return 0;

static long Median(IEnumerable<long> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Verdict(bool met) => met ? "met" : "MISSED";

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
