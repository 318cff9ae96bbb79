using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>/meetings: the period and room, one record id, the optional columns and the page, in the upstream's own names.</summary>
[ValidateNever]
internal sealed record MeetingsFilter : PagedReportFilter
{
    public const string UuidField = "uuid";

    [QueryField(UuidField, PlusMayArriveAsSpace = true)]
    public string? Uuid { get; set; }

    [QueryField("show_participants")]
    public bool ShowParticipants { get; set; }

    [QueryField("show_telephony_usage")]
    public bool ShowTelephonyUsage { get; set; }

    public MeetingsRequest ToRequest() =>
        new(new MeetingQuery(Period, HostId, Uuid, ShowParticipants, ShowTelephonyUsage), PageSize, Page);
}
