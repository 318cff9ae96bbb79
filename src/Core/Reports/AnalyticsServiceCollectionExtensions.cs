using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Reports.Telephony;

namespace Microsoft.Extensions.DependencyInjection;

internal static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// The period KPIs, the telephony report and room usage, over the archive that <c>AddMeetingArchive</c>
    /// registers; business hours bound to "Reports:BusinessHours" and the licences held to "Reports:Licences",
    /// both validated at start. Safe to call twice.
    /// </summary>
    internal static IServiceCollection AddAnalyticsReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // A second binding would add the configured business days to the first binding's list.
        if (services.Any(service => service.ServiceType == typeof(IPeriodKpiService)))
        {
            return services;
        }

        services.AddOptions<BusinessHoursOptions>()
            .BindConfiguration(BusinessHoursOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BusinessHoursOptions>, BusinessHoursOptionsValidator>());
        services.AddOptions<LicenceOptions>()
            .BindConfiguration(LicenceOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LicenceOptions>, LicenceOptionsValidator>());

        services.TryAddTransient<PeriodKpiService>();
        services.TryAddTransient<IPeriodKpiService>(provider => provider.GetRequiredService<PeriodKpiService>());
        services.TryAddTransient<ITelephonyReportService, TelephonyReportService>();
        services.TryAddTransient<IRoomUsageReportService, RoomUsageReportService>();
        services.TryAddTransient<IMonthlySeriesService, MonthlySeriesService>();
        services.TryAddTransient<IKpiComparisonService, KpiComparisonService>();
        return services;
    }
}
