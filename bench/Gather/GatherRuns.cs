using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;

namespace UMeetingReports.Gather.Bench;

/// <summary>
/// Gatherings of the period through Core as the web app registers it (<c>AddMeetingReports</c>), each on a Core
/// of its own when the cache must be cold, timed and checked against the simulator's request log.
/// </summary>
internal sealed class GatherRuns(RunningSimulator simulator, UpstreamLedger ledger, GatherSettings settings)
{
    private readonly DatePeriod _period = settings.Period();

    /// <summary>The query every analytics report of a period reads: participants and telephony included.</summary>
    private MeetingQuery Query => new(_period, ShowParticipants: true, ShowTelephonyUsage: true);

    public Task<GatherRun> GatherOnFreshCoreAsync(CancellationToken cancellationToken) =>
        GatherOnFreshCoreAsync(settings.RequestsPerSecond, cancellationToken);

    public async Task<GatherRun> GatherOnFreshCoreAsync(int requestsPerSecond, CancellationToken cancellationToken)
    {
        var core = CreateCore(requestsPerSecond);
        return await GatherAgainAsync(core, cancellationToken);
    }

    public async Task<GatherRun> GatherAgainAsync(ServiceProvider core, CancellationToken cancellationToken)
    {
        // A scope as a request or a job has: the reader's upstream deadline is scoped (and unlimited here).
        await using var scope = core.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<IMeetingReader>();
        ledger.Clear();
        var (milliseconds, cpu) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
        var result = await reader.GetAllAsync(Query, progress: null, cancellationToken);
        milliseconds.Stop();
        var cpuMilliseconds = (long)(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;

        var complete = result.Succeeded && result.Value.Count == ledger.Meetings;
        if (!complete)
        {
            Console.Error.WriteLine(result.Succeeded
                ? $"P2: the gathering returned {result.Value.Count} meetings where the simulator holds {ledger.Meetings}."
                : $"P2: the gathering failed: {result.Failure.Describe()}");
        }

        return new GatherRun(core, milliseconds.ElapsedMilliseconds, cpuMilliseconds, ledger.Count(), complete);
    }

    /// <summary>The analytics reports the web app offers, if Core registers them: KPIs on a cold cache, then the others on the warm one.</summary>
    public async Task<AnalyticsRun> AnalyticsOnFreshCoreAsync(CancellationToken cancellationToken)
    {
        await using var core = CreateCore(settings.RequestsPerSecond);
        var filter = new AnalyticsFilter(_period);
        var steps = new List<AnalyticsStep>
        {
            await StepAsync("KPIs", core.GetService<IPeriodKpiService>(), (service, token) => service.GetAsync(filter, null, token), result => result.Succeeded, cancellationToken),
            await StepAsync("telephony", core.GetService<ITelephonyReportService>(), (service, token) => service.GetAsync(filter, true, null, token), result => result.Succeeded, cancellationToken),
            await StepAsync("room usage", core.GetService<IRoomUsageReportService>(), (service, token) => service.GetAsync(new RoomUsageRequest(_period), null, token), result => result.Succeeded, cancellationToken),
        };
        return new AnalyticsRun(steps);
    }

    private async Task<AnalyticsStep> StepAsync<TService, TResult>(
        string name, TService? service, Func<TService, CancellationToken, Task<TResult>> run, Func<TResult, bool> succeeded, CancellationToken cancellationToken)
        where TService : class
    {
        if (service is null)
        {
            return new AnalyticsStep(name, Registered: false, 0, default, Succeeded: true);
        }

        ledger.Clear();
        var watch = Stopwatch.StartNew();
        var result = await run(service, cancellationToken);
        watch.Stop();
        return new AnalyticsStep(name, Registered: true, watch.ElapsedMilliseconds, ledger.Count(), succeeded(result));
    }

    private ServiceProvider CreateCore(int requestsPerSecond)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["UMeeting:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["UMeeting:ApiKey"] = "demo",
            ["UMeeting:ApiSecret"] = "demo-secret",
            ["UMeeting:MaxConcurrency"] = settings.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["UMeeting:RequestsPerSecond"] = requestsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["UMeeting:MaxPageSize"] = settings.MaxPageSize.ToString(CultureInfo.InvariantCulture),
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddMeetingReports();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}

/// <summary>One gathering: wall time, CPU time of the whole process (client and simulator), requests, and whether every meeting came.</summary>
internal sealed record GatherRun(ServiceProvider Core, long Milliseconds, long CpuMilliseconds, Tally Tally, bool Complete);

internal sealed record AnalyticsStep(string Name, bool Registered, long Milliseconds, Tally Tally, bool Succeeded);

internal sealed record AnalyticsRun(IReadOnlyList<AnalyticsStep> Steps)
{
    public bool Complete => Steps.All(step => step.Succeeded);

    public IEnumerable<string> Describe() => Steps.Select(step => step.Registered
        ? string.Create(CultureInfo.InvariantCulture, $"analytics {step.Name}: {step.Milliseconds:N0} ms, {step.Tally.Requests} detail and {step.Tally.RoomsRequests} room-list requests, asked twice {step.Tally.Repeated}{(step.Succeeded ? "" : ", FAILED")}")
        : $"analytics {step.Name}: not registered by AddMeetingReports, skipped");

    public string Summary() => string.Join("; ", Steps.Select(step => step.Registered
        ? string.Create(CultureInfo.InvariantCulture, $"{step.Name} {step.Milliseconds:N0} ms ({step.Tally.Requests} requests)")
        : $"{step.Name} not registered"));
}
