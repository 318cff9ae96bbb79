using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Simulator.Http;

namespace UMeetingReports.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the simulator: options bound from the "Simulator" section (then <paramref name="configure"/>,
    /// which wins), validated at start; the data set (built on first use); faults and the request log.
    /// Map the endpoints with <see cref="SimulatorEndpointRouteBuilderExtensions.MapUMeetingSimulator"/>.
    /// </summary>
    public static IServiceCollection AddUMeetingSimulator(this IServiceCollection services, Action<SimulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                simulator => IsKnownZone(simulator.TimeZone),
                "Simulator:TimeZone is not a time zone this machine knows: use an IANA id such as Asia/Shanghai.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SimulatorDataset(
            provider.GetRequiredService<IOptions<SimulatorOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SimulatorFaults>();
        services.TryAddSingleton<SimulatorRequestLog>();
        services.TryAddSingleton(provider => new SimulatorEndpoint(
            provider.GetRequiredService<SimulatorDataset>(),
            provider.GetRequiredService<IOptions<SimulatorOptions>>(),
            provider.GetRequiredService<SimulatorFaults>(),
            provider.GetRequiredService<SimulatorRequestLog>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<SimulatorEndpoint>>()));
        return services;
    }

    private static bool IsKnownZone(string id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
