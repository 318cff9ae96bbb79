using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// The period and the room every report reads, under the upstream's names (<c>from</c>, <c>to</c>, <c>host_id</c>),
/// so that a bookmark reads the same on every page: days yyyy-MM-dd (missing: today in the upstream's zone), a period
/// of at most UMeeting:MaxPeriodMonths, a room of this account when the room list is known. /telephony and /rooms read
/// just this; the other reports add their own fields in a record derived from it.
/// </summary>
[ValidateNever]
internal record ReportFilter : QueryFilter
{
    public const string FromField = "from";
    public const string ToField = "to";
    public const string HostIdField = "host_id";

    [QueryField(FromField)]
    public DateOnly From { get; set; }

    [QueryField(ToField)]
    public DateOnly To { get; set; }

    [QueryField(HostIdField)]
    public string? HostId { get; set; }

    /// <summary>Usable once the filter passed its checks (a refused one may end before it starts).</summary>
    public DatePeriod Period => new(From, To);

    /// <summary>What the report's figures count: the period and room (and whatever narrows a report's list further).</summary>
    public virtual AnalyticsFilter ToAnalyticsFilter() => new(Period, HostId);

    /// <summary>The same report over another period, from its first page.</summary>
    public virtual ReportFilter ForPeriod(DateOnly from, DateOnly to) => this with { From = from, To = to };

    public override void Check(FilterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        check.Period(FromField, From, ToField, To);
        check.Room(HostIdField, HostId);
    }
}
