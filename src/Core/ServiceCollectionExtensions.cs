using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
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

        services.AddRefitGeneratedClient<IUMeetingApi>(RefitSettings.ForJsonContext(WireJsonContext.Default))
            .ConfigureHttpClient((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IUpstreamEndpoint>().BaseAddress;
                // The resilience handler's total time-out is the one limit; HttpClient's own 100 s would cut it short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var settings = provider.GetRequiredService<IOptions<UMeetingOptions>>().Value;
                resilience.AttemptTimeout.Timeout = settings.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = settings.TotalTimeout;
                resilience.Retry.MaxRetryAttempts = settings.MaxRetryAttempts;
                resilience.Retry.Delay = settings.RetryDelay;
                // The library requires the breaker to sample at least two attempt time-outs.
                var sampling = settings.AttemptTimeout * 2;
                if (resilience.CircuitBreaker.SamplingDuration < sampling)
                {
                    resilience.CircuitBreaker.SamplingDuration = sampling;
                }
            });

        services.TryAddSingleton<UpstreamGate>();
        services.TryAddTransient<UpstreamPageSource>();
        services.TryAddTransient<IMeetingReader, MeetingReader>();
        services.TryAddTransient<IRoomDirectory, RoomDirectory>();
        services.TryAddTransient<IMeetingsReportService, MeetingsReportService>();
        services.AddDrillDownReports();
        services.AddAnalyticsReports();
        return services;
    }
}
