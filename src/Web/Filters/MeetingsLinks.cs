using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.Extensions;
using UMeetingReports.Web.Formatting;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// Links back to /meetings that keep every filter, in the upstream's names, leaving out what is empty so that a
/// bookmark stays short. Dates are always written out: "today" moves, a bookmark should not.
/// </summary>
internal sealed class MeetingsLinks(string path, MeetingsCriteria criteria)
{
    // A page writes a dozen of these links (pager, quick ranges) that differ only in the period or the page
    // number: the other filters are encoded once (bench/README.md, "P1").
    private readonly string filters = Filters(criteria);

    public string ForPage(int pageNumber) =>
        string.Concat(Start(criteria.From, criteria.To), filters, "&" + MeetingsFields.PageNumber + "=", Display.Invariant(pageNumber));

    /// <summary>A new period starts at its first page.</summary>
    public string ForPeriod(DateOnly from, DateOnly to) => Start(from, to) + filters;

    /// <summary>The path and the period, in the order the form sends them: "/meetings?from=…&amp;to=…&amp;".</summary>
    private string Start(DateOnly from, DateOnly to) => string.Concat(
        path,
        "?" + MeetingsFields.From + "=",
        UrlEncoder.Default.Encode(Display.Invariant(from)),
        "&" + MeetingsFields.To + "=",
        UrlEncoder.Default.Encode(Display.Invariant(to)),
        "&");

    /// <summary>Every other filter, ending with the page size; the page number, where there is one, follows it.</summary>
    private static string Filters(MeetingsCriteria values)
    {
        var query = new QueryBuilder();
        AddIfPresent(query, MeetingsFields.HostId, values.HostId);
        AddIfPresent(query, MeetingsFields.Uuid, values.Uuid);
        AddIfPresent(query, MeetingsFields.ShowParticipants, values.ShowParticipants ? "true" : null);
        AddIfPresent(query, MeetingsFields.ShowTelephonyUsage, values.ShowTelephonyUsage ? "true" : null);
        query.Add(MeetingsFields.PageSize, Display.Invariant(values.PageSize));
        return query.ToQueryString().ToUriComponent()[1..];
    }

    private static void AddIfPresent(QueryBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(name, value);
        }
    }
}

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

    public bool Matches(MeetingsCriteria criteria) => Matches(criteria.From, criteria.To);

    public bool Matches(DateOnly from, DateOnly to) => from == From && to == To;
}

/// <summary>One entry of the room select.</summary>
internal sealed record RoomChoice(string HostId, string Label)
{
    /// <summary>
    /// The account's rooms by name when the room list is known; otherwise the host ids seen in the data. The chosen
    /// id always stays selectable, so the form never silently drops it.
    /// </summary>
    public static IReadOnlyList<RoomChoice> For(Core.Rooms.RoomList rooms, IEnumerable<string> hostIdsSeen, string? selected)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var choices = rooms.IsKnown
            ? rooms.Rooms.Select(room => new RoomChoice(room.HostId, room.Name))
            : hostIdsSeen.Distinct(StringComparer.Ordinal).Select(hostId => new RoomChoice(hostId, hostId));
        var list = choices.OrderBy(choice => choice.Label, StringComparer.CurrentCultureIgnoreCase).ToList();
        if (selected is not null && !list.Exists(choice => choice.HostId == selected))
        {
            list.Add(new RoomChoice(selected, selected));
        }

        return list;
    }
}
