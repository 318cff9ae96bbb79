using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// What _MeetingsKpis shows: the period's KPIs (or their progress or failure), what they cover, and, beside counted
/// KPIs, how they compare with the previous period.
/// </summary>
internal sealed record MeetingsKpiPanel(Gathered<PeriodKpis> Kpis, KpiComparison? Comparison, DateOnly From, DateOnly To, string? RoomName, string RequestId);

/// <summary>What _MeetingsTable shows: one page of meetings, and the list it is (which each meeting's link carries).</summary>
internal sealed record MeetingsTable(MeetingsReport Report, MeetingsFilter List);
