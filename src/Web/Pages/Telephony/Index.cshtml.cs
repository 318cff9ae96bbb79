using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Telephony;

/// <summary>
/// /telephony?from&amp;to&amp;host_id: what the phone legs of a period cost, by type, day, room and number. Numbers are
/// whole for Admin only; for anyone else the report masks them before the page sees them.
/// </summary>
internal sealed class IndexModel(PeriodGatherer gatherer, IRoomDirectory roomDirectory, UpstreamZone zone)
    : GatheredReportPageModel<TelephonyReport>(gatherer, roomDirectory, zone)
{
    protected override Task<Gathered<TelephonyReport>> GatherAsync(PeriodGatherer gatherer, ReportFilter criteria, CancellationToken cancellationToken)
    {
        var filter = criteria.ToAnalyticsFilter();
        var reveal = User.IsInRole(Roles.Admin);
        return gatherer.GatherAsync<ITelephonyReportService, TelephonyReport>(
            GatherKey.For(User, "telephony", (filter, reveal)),
            filter.Period,
            (service, progress, token) => service.GetAsync(filter, reveal, progress, token),
            cancellationToken);
    }
}
