using System.Globalization;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Rooms;

namespace UMeetingReports.Web.Filters;

/// <summary>A named period relative to today in the upstream's zone; <see cref="Label"/> is the localization key.</summary>
internal sealed record QuickRange(string Key, string Label, DateOnly From, DateOnly To)
{
    public static IReadOnlyList<QuickRange> For(DateOnly today)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        return
        [
            new("today", "Today", today, today),
            new("yesterday", "Yesterday", today.AddDays(-1), today.AddDays(-1)),
            new("last-7-days", "Last 7 days", today.AddDays(-6), today),
            new("this-month", "This month", monthStart, today),
            new("last-month", "Last month", monthStart.AddMonths(-1), monthStart.AddDays(-1)),
            new("last-90-days", "Last 90 days", today.AddDays(-89), today),
            new("this-year", "This year", new DateOnly(today.Year, 1, 1), today),
        ];
    }

    public bool Matches(DateOnly from, DateOnly to) => from == From && to == To;
}

/// <summary>One entry of the room select.</summary>
internal sealed record RoomChoice(string HostId, string Label)
{
    /// <summary>
    /// The account's rooms by name (in the reader's language's order) when the room list is known; otherwise the host
    /// ids seen in the data. The chosen id always stays selectable, so the form never silently drops it.
    /// </summary>
    public static IReadOnlyList<RoomChoice> For(RoomList rooms, IEnumerable<string> hostIdsSeen, string? selected)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var choices = rooms.IsKnown
            ? rooms.Rooms.Select(room => new RoomChoice(room.HostId, room.Name))
            : hostIdsSeen.Distinct(StringComparer.Ordinal).Select(hostId => new RoomChoice(hostId, hostId));
        var list = choices.OrderBy(choice => choice.Label, TextOrder.For(CultureInfo.CurrentUICulture)).ToList();
        if (selected is not null && !list.Exists(choice => choice.HostId == selected))
        {
            list.Add(new RoomChoice(selected, selected));
        }

        return list;
    }
}
