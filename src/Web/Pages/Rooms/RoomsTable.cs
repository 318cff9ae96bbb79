using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Rooms;

/// <summary>What _RoomsTable shows: the report's rooms in the order asked, and the filter its sort links change.</summary>
internal sealed record RoomsTable(RoomUsageReport Report, RoomsFilter List);
