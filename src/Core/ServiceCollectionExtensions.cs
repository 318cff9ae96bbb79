using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using UMeetingReports.Core.Health;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Core.Upstream.Wire;

namespace Microsoft.Extensions.DependencyInjection;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the upstream reader, the room directory and the reports, bound to the "UMeeting" section and
    /// validated at start. Register an <see cref="IUpstreamEndpoint"/> first to point the client elsewhere than
    /// UMeeting:BaseUrl (the demo's in-process simulator).
    /// </summary>
    public static IServiceCollection AddMeetingReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<UMeetingOptions>()
            .BindConfiguration(UMeetingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UMeetingOptions>, UMeetingOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUpstreamEndpoint, ConfiguredUpstreamEndpoint>();
        services.TryAddSingleton(provider => new UpstreamZone(
            TimeZoneInfo.FindSystemTimeZoneById(provider.GetRequiredService<IOptions<UMeetingOptions>>().Value.TimeZone),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHybridCache();

        services.TryAddSingleton<UpstreamStatus>();
        services.TryAddSingleton<UpstreamRateLimit>();
        services.TryAddTransient<UpstreamPauseHandler>();
        services.TryAddTransient<UpstreamAttemptHandler>();

        var client = services.AddRefitGeneratedClient<IUMeetingApi>(RefitSettings.ForJsonContext(WireJsonContext.Default))
            .ConfigureHttpClient((provider, httpClient) =>
            {
                httpClient.BaseAddress = provider.GetRequiredService<IUpstreamEndpoint>().BaseAddress;
                // The resilience handler's total time-out is the one limit; HttpClient's own 100 s would cut it short.
                httpClient.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Outside the pipeline: a call the open circuit breaker refuses comes back saying when it was last tried.
            .AddHttpMessageHandler<UpstreamPauseHandler>();

        client.AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var settings = provider.GetRequiredService<IOptions<UMeetingOptions>>().Value;
                resilience.AttemptTimeout.Timeout = settings.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = settings.TotalTimeout;
                resilience.Retry.MaxRetryAttempts = settings.MaxRetryAttempts;
                resilience.Retry.Delay = settings.RetryDelay;

                // Half of the attempts failing (HTTP 5xx, 408, 429, time-outs, broken connections) opens the breaker:
                // the library's default of a tenth would pause every report over the odd 503 of a busy upstream.
                var status = provider.GetRequiredService<UpstreamStatus>();
                resilience.CircuitBreaker.FailureRatio = 0.5;
                resilience.CircuitBreaker.MinimumThroughput = settings.BreakerMinimumThroughput;
                resilience.CircuitBreaker.BreakDuration = settings.BreakerBreakDuration;
                resilience.CircuitBreaker.OnOpened = opened =>
                {
                    status.Paused(opened.BreakDuration);
                    return ValueTask.CompletedTask;
                };
                resilience.CircuitBreaker.OnClosed = _ =>
                {
                    status.Resumed();
                    return ValueTask.CompletedTask;
                };

                // The library requires the breaker to sample at least two attempt time-outs.
                var sampling = settings.AttemptTimeout * 2;
                if (resilience.CircuitBreaker.SamplingDuration < sampling)
                {
                    resilience.CircuitBreaker.SamplingDuration = sampling;
                }
            });

        // Inside the pipeline: every attempt, retries included, waits for its turn under the rate limit and is recorded.
        client.AddHttpMessageHandler<UpstreamAttemptHandler>();

        services.TryAddSingleton<UpstreamGate>();
        services.TryAddScoped<UpstreamDeadline>();
        services.TryAddTransient<UpstreamPageSource>();
        services.TryAddTransient<IMeetingReader, MeetingReader>();
        services.TryAddTransient<IRoomDirectory, RoomDirectory>();
        services.TryAddSingleton<UpstreamReadiness.OneAtATime>();
        services.TryAddTransient<IUpstreamReadiness, UpstreamReadiness>();
        services.AddDrillDownReports();
        services.AddAnalyticsReports();
        services.AddExports();
        return services;
    }
}
