using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>
/// Core as the web app gets it: the real <c>AddMeetingReports</c> registration over in-memory configuration,
/// pointed at the simulator (or at a <see cref="StubUpstream"/> as the primary HTTP handler).
/// </summary>
/// <remarks>
/// A test's fake clock is the app's "now" (the upstream's today, "last tried at") and the age of cached entries,
/// but the resilience pipeline keeps real time unless a test asks otherwise: nothing moves a fake clock while a
/// retry waits out its delay or a Retry-After, so such a wait would never end, and the time-outs that bound every
/// call would never fire. Worse, the pipeline waits for calls still in flight before it lets go at disposal,
/// counting on its own clock with no way to cancel: on a fake clock that wait never ends either.
/// </remarks>
internal sealed class CoreHarness : IAsyncDisposable
{
    public const string ApiKey = "demo";
    public const string ApiSecret = "demo-secret";

    /// <summary>
    /// Far beyond a healthy shutdown: the pipeline gives a call still in flight at most 30 s of its own clock
    /// (in steps of a second) before it lets go anyway.
    /// </summary>
    private static readonly TimeSpan ShutdownLimit = TimeSpan.FromMinutes(1);

    private readonly ServiceProvider _provider;

    // One scope for the harness's life, as one request or job: scoped services (the upstream deadline) are resolved from it.
    private readonly AsyncServiceScope _scope;

    private readonly HarnessArchive? _archive;

    private CoreHarness(ServiceProvider provider, LogCapture logs, HarnessArchive? archive)
    {
        _provider = provider;
        _archive = archive;
        _scope = provider.CreateAsyncScope();
        Logs = logs;
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public LogCapture Logs { get; }

    public IMeetingReader Reader => Services.GetRequiredService<IMeetingReader>();

    public IRoomDirectory Rooms => Services.GetRequiredService<IRoomDirectory>();

    public IMeetingsReportService Report => Services.GetRequiredService<IMeetingsReportService>();

    public UpstreamZone Zone => Services.GetRequiredService<UpstreamZone>();

    public static CoreHarness Create(
        Uri baseAddress,
        IReadOnlyDictionary<string, string?>? settings = null,
        HttpMessageHandler? upstream = null,
        TimeProvider? clock = null,
        bool resilienceOnClock = false,
        Action<IServiceCollection>? register = null)
    {
        if (resilienceOnClock && clock is null)
        {
            throw new ArgumentException("Only a given clock can drive the resilience pipeline.", nameof(resilienceOnClock));
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["UMeeting:BaseUrl"] = baseAddress.ToString(),
            ["UMeeting:ApiKey"] = ApiKey,
            ["UMeeting:ApiSecret"] = ApiSecret,
            // Real back-off is seconds; tests keep the same shape at a few milliseconds.
            ["UMeeting:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // The reports read the archive: a test that names none gets a fresh one of its own.
        var archive = values.Keys.Any(HarnessArchive.NamesTheArchive) ? null : HarnessArchive.Create();
        foreach (var (key, value) in archive?.Settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        if (clock is not null)
        {
            services.AddSingleton(provider => new UpstreamZone(
                TimeZoneInfo.FindSystemTimeZoneById(provider.GetRequiredService<IOptions<UMeetingOptions>>().Value.TimeZone),
                clock));
            // HybridCache's in-memory layer expires entries by the memory cache's own clock: drive it by the same
            // fake time, so a test moves time forward instead of sleeping past a lifetime.
            services.Configure<MemoryCacheOptions>(cache => cache.Clock = new TimeProviderSystemClock(clock));
            if (resilienceOnClock)
            {
                // The pipeline keeps time by the container's TimeProvider: retry delays, time-outs, the breaker's pause.
                services.AddSingleton(clock);
            }
        }

        services.AddMeetingReports();
        register?.Invoke(services);
        if (!services.Any(service => service.ServiceType == typeof(UMeetingReports.Core.Archive.ArchiveReader)))
        {
            services.AddMeetingArchive(HarnessArchive.ContentRoot, schedule: false);
        }
        if (upstream is not null)
        {
            // Runs after every handler action of the registration, so the stub replaces the socket handler.
            services.ConfigureAll<HttpClientFactoryOptions>(factory => factory.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = upstream));
        }

        return new CoreHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), logs, archive);
    }

    public static CoreHarness Stubbed(StubUpstream upstream, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        Create(new Uri("http://upstream.test"), settings, upstream, clock);

    public Task<UpstreamResult<IReadOnlyList<Meeting>>> GetAllAsync(MeetingQuery query) =>
        Reader.GetAllAsync(query, progress: null, Xunit.TestContext.Current.CancellationToken);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Fails with a reason instead of hanging when the container cannot let go in time, e.g. a call left in flight
    /// under a pipeline on a fake clock; the run's cancellation (its --timeout) ends the wait too.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _scope.DisposeAsync();
            await _provider.DisposeAsync().AsTask().WaitAsync(ShutdownLimit, TimeProvider.System, Xunit.TestContext.Current.CancellationToken);
            _archive?.Dispose();
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(
                $"Core did not shut down within {ShutdownLimit}: an upstream call was still in flight, and the resilience pipeline waits for it on its own clock.",
                exception);
        }
    }
}

/// <summary>The memory cache's clock, read from a <see cref="TimeProvider"/>.</summary>
internal sealed class TimeProviderSystemClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
{
    public DateTimeOffset UtcNow => clock.GetUtcNow();
}
