using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Rooms;

/// <summary>
/// /rooms?from&amp;to[&amp;host_id]: how full each room was, the weekday × hour heatmap and meetings per day of the chosen
/// room (or all). The table always lists every room.
/// </summary>
internal sealed class IndexModel(PeriodGatherer gatherer, IRoomDirectory roomDirectory, UpstreamZone zone)
    : GatheredReportPageModel<RoomUsageReport>(gatherer, roomDirectory, zone)
{
    protected override Task<Gathered<RoomUsageReport>> GatherAsync(PeriodGatherer gatherer, ReportFilter criteria, CancellationToken cancellationToken)
    {
        var request = new RoomUsageRequest(criteria.Period, criteria.HostId);
        return gatherer.GatherAsync<IRoomUsageReportService, RoomUsageReport>(
            GatherKey.For(User, "rooms", request),
            request.Period,
            (service, progress, token) => service.GetAsync(request, progress, token),
            cancellationToken);
    }
}
