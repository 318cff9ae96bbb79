using System.Globalization;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Rooms;

/// <summary>
/// /rooms?from&amp;to[&amp;host_id][&amp;sort&amp;dir]: how full each room was, the weekday × hour heatmap and meetings per
/// day of the chosen room (or all). The table always lists every room, busiest first unless sorted otherwise.
/// </summary>
internal sealed class IndexModel(
    IRoomUsageReportService reports,
    PeriodGatherer gatherer,
    IArchivePeriods archive,
    IRoomDirectory roomDirectory,
    UpstreamZone zone)
    : GatheredReportPageModel<RoomUsageReport, RoomsFilter>(gatherer, archive, roomDirectory, zone)
{
    protected override Task<UpstreamResult<RoomUsageReport>> ReadAsync(RoomsFilter criteria, CancellationToken cancellationToken) =>
        reports.GetAsync(criteria.ToRequest(CultureInfo.CurrentUICulture), progress: null, cancellationToken);
}
