using Microsoft.Extensions.DependencyInjection.Extensions;
using UMeetingReports.Core.Export;

namespace Microsoft.Extensions.DependencyInjection;

internal static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// The Excel and CSV exporter, over the archive (<c>AddMeetingArchive</c>), the room directory and the zone that
    /// <c>AddMeetingReports</c> registers; called from it. Registering twice is harmless.
    /// </summary>
    internal static IServiceCollection AddExports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(ExportSettings.Default);
        services.TryAddTransient<IWorkbookExporter, WorkbookExporter>();
        return services;
    }
}
