using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// The report list a download was made from, with its filters, where a download's page leads back to: the participants
/// report for its name search, the meetings report for its record, search or person, otherwise the report whose button
/// made it (the address's <c>report</c>), the meetings report when none says.
/// </summary>
/// <param name="Filter">The list's filters; null for the list as it opens.</param>
internal sealed record DownloadOrigin(string Page, ReportFilter? Filter)
{
    /// <summary>Where "Back to …" leads when the download is not known (an address that was refused).</summary>
    public static DownloadOrigin Meetings { get; } = new("/Meetings/Index", null);

    public DownloadReport Report => Page switch
    {
        "/Participants/Index" => DownloadReport.Participants,
        "/Telephony/Index" => DownloadReport.Telephony,
        "/Rooms/Index" => DownloadReport.Rooms,
        _ => DownloadReport.Meetings,
    };

    /// <param name="order">The meetings report's order the download follows, which leads back to that report in it; null for its own.</param>
    public static DownloadOrigin Of(DatePeriod period, string? hostId, DownloadNarrowing narrowing, DownloadReport? report, MeetingOrder? order = null)
    {
        ArgumentNullException.ThrowIfNull(narrowing);
        if (narrowing.ParticipantName is { } name)
        {
            return new("/Participants/Index", new ParticipantsFilter { From = period.From, To = period.To, HostId = hostId, Name = name });
        }

        var narrowed = narrowing.Uuid is not null || narrowing.Search is not null || narrowing.Participant is not null;
        return (narrowed ? DownloadReport.Meetings : report ?? DownloadReport.Meetings) switch
        {
            DownloadReport.Participants => new("/Participants/Index", new ParticipantsFilter { From = period.From, To = period.To, HostId = hostId }),
            DownloadReport.Telephony => new("/Telephony/Index", new ReportFilter { From = period.From, To = period.To, HostId = hostId }),
            DownloadReport.Rooms => new("/Rooms/Index", new RoomsFilter { From = period.From, To = period.To, HostId = hostId }),
            _ => new("/Meetings/Index", new MeetingsFilter
            {
                From = period.From,
                To = period.To,
                HostId = hostId,
                Uuid = narrowing.Uuid,
                Q = narrowing.Search,
                Participant = narrowing.Participant,
                Sort = order?.Sort,
                Direction = order is null ? null : order.Descending ? SortDirection.Desc : SortDirection.Asc,
            }),
        };
    }

    public static DownloadOrigin Of(ExportCriteria criteria, DownloadReport? report)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return Of(criteria.Period, criteria.HostId, DownloadNarrowing.Of(criteria), report, criteria.Order);
    }
}
