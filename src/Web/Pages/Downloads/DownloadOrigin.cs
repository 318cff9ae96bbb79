using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// The report list a download was made from, with its filters, where a download's page leads back to: the participants
/// report for its name search, the meetings report (its period, room, record, search and person) otherwise.
/// </summary>
/// <param name="Filter">The list's filters; null for the list as it opens.</param>
internal sealed record DownloadOrigin(string Page, ReportFilter? Filter)
{
    /// <summary>Where "Back to …" leads when the download is not known (an address that was refused).</summary>
    public static DownloadOrigin Meetings { get; } = new("/Meetings/Index", null);

    public bool IsParticipants => Page == "/Participants/Index";

    public static DownloadOrigin Of(DatePeriod period, string? hostId, DownloadNarrowing narrowing)
    {
        ArgumentNullException.ThrowIfNull(narrowing);
        return narrowing.ParticipantName is { } name
            ? new("/Participants/Index", new ParticipantsFilter { From = period.From, To = period.To, HostId = hostId, Name = name })
            : new("/Meetings/Index", new MeetingsFilter
            {
                From = period.From,
                To = period.To,
                HostId = hostId,
                Uuid = narrowing.Uuid,
                Q = narrowing.Search,
                Participant = narrowing.Participant,
            });
    }

    public static DownloadOrigin Of(ExportCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return Of(criteria.Period, criteria.HostId, DownloadNarrowing.Of(criteria));
    }
}
