using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Formatting;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// The query string of the analytics pages (/telephony, /rooms): a period and a room, in the names /meetings uses, so
/// a bookmark reads the same everywhere. Checked like /meetings: every value binds as text, a wrong one is a message
/// beside its field (HTTP 400); missing dates are today in the upstream's zone.
/// </summary>
internal sealed class PeriodFilter
{
    [FromQuery(Name = PeriodFields.From)]
    public string? From { get; set; }

    [FromQuery(Name = PeriodFields.To)]
    public string? To { get; set; }

    [FromQuery(Name = PeriodFields.HostId)]
    public string? HostId { get; set; }

    public PeriodFilterCheck Check(DateOnly today, UMeetingOptions options, RoomList rooms)
    {
        var errors = new List<FieldError>();
        var criteria = FilterValues.PeriodAndRoom(From, To, HostId, today, options, rooms, errors);
        return new PeriodFilterCheck(criteria, errors);
    }
}

/// <summary>The query-string names, which are the upstream's.</summary>
internal static class PeriodFields
{
    public const string From = "from";
    public const string To = "to";
    public const string HostId = "host_id";
}

/// <param name="Criteria">Usable only when <paramref name="Errors"/> is empty.</param>
internal sealed record PeriodFilterCheck(PeriodCriteria Criteria, IReadOnlyList<FieldError> Errors);

/// <summary>The filter as understood, defaults filled in.</summary>
internal sealed record PeriodCriteria(DateOnly From, DateOnly To, string? HostId)
{
    public DatePeriod Period => new(From, To);

    public AnalyticsFilter ToAnalyticsFilter() => new(Period, HostId);
}

/// <summary>Links back to an analytics page that keep the room; dates are always written out, so a bookmark does not move.</summary>
internal sealed class PeriodLinks(string path, PeriodCriteria criteria)
{
    public string ForPeriod(DateOnly from, DateOnly to)
    {
        var query = new QueryBuilder
        {
            { PeriodFields.From, Display.Invariant(from) },
            { PeriodFields.To, Display.Invariant(to) },
        };
        if (!string.IsNullOrEmpty(criteria.HostId))
        {
            query.Add(PeriodFields.HostId, criteria.HostId);
        }

        return path + query.ToQueryString().ToUriComponent();
    }
}

/// <summary>What _PeriodForm shows: the page it submits to, the values typed and in force, their problems, the rooms.</summary>
/// <param name="SubmitLabel">The button's text, localized.</param>
/// <param name="RoomHint">A sentence under the room select saying what the room chooses, localized; null for none.</param>
internal sealed record PeriodForm(
    string Action,
    PeriodFilter Typed,
    PeriodCriteria Criteria,
    IReadOnlyList<FieldError> Errors,
    RoomList Rooms,
    DateOnly Today,
    string SubmitLabel,
    string? RoomHint = null);
