using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// What _MeetingsKpis shows: the KPIs of the meetings listed (or their progress or failure), what they cover, and,
/// beside counted KPIs, how they compare with the same meetings of the previous period.
/// </summary>
/// <param name="Listed">The list's name when its search or person narrows the meetings counted (<see cref="ListedMeetings"/>); null for the whole period.</param>
/// <param name="Today">Today in the service's zone: a period that ends after it is said to be counted up to it.</param>
internal sealed record MeetingsKpiPanel(Gathered<PeriodKpis> Kpis, KpiComparison? Comparison, DateOnly From, DateOnly To, string? RoomName, string? Listed, string RequestId, DateOnly Today);

/// <summary>What _MeetingsTable shows: one page of meetings, and the list it is (which each meeting's link carries).</summary>
internal sealed record MeetingsTable(MeetingsReport Report, MeetingsFilter List);
