using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>/meetings: the period and room, one record id, the optional columns and the page, in the upstream's own names.</summary>
[ValidateNever]
internal sealed record MeetingsFilter : ReportFilter
{
    public const string UuidField = "uuid";
    public const string PageSizeField = "page_size";
    public const string PageNumberField = "page_number";

    [QueryField(UuidField, PlusMayArriveAsSpace = true)]
    public string? Uuid { get; set; }

    [QueryField("show_participants")]
    public bool ShowParticipants { get; set; }

    [QueryField("show_telephony_usage")]
    public bool ShowTelephonyUsage { get; set; }

    [QueryField(PageSizeField)]
    public int PageSize { get; set; } = FilterCheck.DefaultPageSize;

    /// <summary>Null while the address names no page: the first, and links to a new period or sort name none either.</summary>
    [QueryField(PageNumberField)]
    public int? PageNumber { get; set; }

    public int Page => PageNumber ?? 1;

    public MeetingsRequest ToRequest() =>
        new(new MeetingQuery(Period, HostId, Uuid, ShowParticipants, ShowTelephonyUsage), PageSize, Page);

    public override ReportFilter ForPeriod(DateOnly from, DateOnly to) => this with { From = from, To = to, PageNumber = null };

    public override void Check(FilterCheck check)
    {
        base.Check(check);
        PageSize = check.PageSize(PageSizeField, PageSize);
        PageNumber = PageNumber is { } page ? check.PageNumber(PageNumberField, page) : null;
    }
}
