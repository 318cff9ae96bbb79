using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// /meeting: the record id, the period to look in (the list's own <c>from</c>/<c>to</c>; neither: the service searches
/// back month by month, as with a last day before today alone; otherwise one of them: the other is today), and the list the meeting was opened from,
/// under <c>back_</c> names, so the page can lead back to it. The back link is rebuilt from these values once they
/// pass the list's own checks, never echoed as an address; a back value the list would refuse is dropped rather than
/// refusing the meeting itself.
/// </summary>
[ValidateNever]
internal sealed record MeetingFilter : QueryFilter
{
    public const string UuidField = MeetingsFilter.UuidField;
    public const string BackPrefix = "back_";

    [QueryField(UuidField, PlusMayArriveAsSpace = true)]
    public string? Uuid { get; set; }

    [QueryField(ReportFilter.FromField)]
    public DateOnly? From { get; set; }

    [QueryField(ReportFilter.ToField)]
    public DateOnly? To { get; set; }

    /// <summary>The list to go back to (sharing this filter's period); null when the meeting was not opened from one.</summary>
    [NestedFilter(BackPrefix, ReportFilter.FromField, ReportFilter.ToField)]
    public MeetingsFilter? Back { get; set; }

    /// <summary>Null when neither day was given.</summary>
    public DatePeriod? Period => From is { } from && To is { } to ? new DatePeriod(from, to) : null;

    public override void Check(FilterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (Uuid is null)
        {
            check.Error(UuidField, "Give the record id (uuid) of a meeting: open one from the meetings list.");
        }

        // Neither day, or a last day before today alone (a bookmark whose first day was cleared: the first would be
        // today, after it): the record is looked for as without a period, where the archive holds it first.
        if (From is null && (To is null || To < check.Today))
        {
            (To, Back) = (null, null);
            return;
        }

        (From, To) = (From ?? check.Today, To ?? check.Today);
        check.Period(ReportFilter.FromField, From.Value, ReportFilter.ToField, To.Value);

        // The list's period is this one: a list whose own values were refused goes back with its defaults. The link
        // back names its page, the first included.
        Back = (Back ?? new MeetingsFilter { From = From.Value, To = To.Value }) is var list ? list with { PageNumber = list.Page } : null;
    }
}
