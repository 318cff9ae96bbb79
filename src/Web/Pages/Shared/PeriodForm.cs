using UMeetingReports.Core.Rooms;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Shared;

/// <summary>
/// What _PeriodFields shows: the period and room of a report's filter, the rooms to choose from (the host ids seen
/// in the data when the room list is unknown), and a sentence under the room select (localized; null for none).
/// </summary>
internal sealed record PeriodFields(ReportFilter Filter, RoomList Rooms, IEnumerable<string> HostIdsSeen, string? RoomHint = null);

/// <summary>What _QuickRanges shows: links to the same report over named periods relative to today.</summary>
internal sealed record QuickRanges(string Path, ReportFilter Filter, DateOnly Today);

/// <summary>
/// What _PeriodForm shows (/telephony, /rooms): the page it submits to, the period and room, the button's text, and
/// fields the page keeps from one period to the next without showing them (/rooms: its sort).
/// </summary>
internal sealed record PeriodForm(string Action, PeriodFields Fields, DateOnly Today, string SubmitLabel, IReadOnlyList<KeyValuePair<string, string>>? Kept = null);
