using Microsoft.Extensions.DependencyInjection.Extensions;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Reports.Participants;

namespace Microsoft.Extensions.DependencyInjection;

internal static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// The drill-down reports (one meeting, the participants report). They stand on the reader, the room directory
    /// and the zone that <c>AddMeetingReports</c> registers, and are called from it; registering twice is harmless.
    /// </summary>
    internal static IServiceCollection AddDrillDownReports(this IServiceCollection services)
    {
        services.TryAddTransient<IMeetingDetailService, MeetingDetailService>();
        services.TryAddSingleton<ParticipantTallies>();
        services.TryAddTransient<IParticipantsReportService, ParticipantsReportService>();
        return services;
    }
}
