using System.Globalization;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Telephony;

/// <summary>
/// /telephony?from&amp;to&amp;host_id: what the phone legs of a period cost, by type, day, room and number. Numbers are
/// whole for Admin only; for anyone else the report masks them before the page sees them.
/// </summary>
internal sealed class IndexModel(
    ITelephonyReportService reports,
    PeriodGatherer gatherer,
    IArchivePeriods archive,
    IRoomDirectory roomDirectory,
    UpstreamZone zone)
    : GatheredReportPageModel<TelephonyReport>(gatherer, archive, roomDirectory, zone)
{
    protected override Task<UpstreamResult<TelephonyReport>> ReadAsync(ReportFilter criteria, CancellationToken cancellationToken) =>
        reports.GetAsync(criteria.ToAnalyticsFilter(), User.IsInRole(Roles.Admin), TextOrder.For(CultureInfo.CurrentUICulture), progress: null, cancellationToken);
}
