using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>The meetings report: a page of meetings with room names and totals, or the upstream's failure.</summary>
public interface IMeetingsReportService
{
    Task<UpstreamResult<MeetingsReport>> GetAsync(MeetingsRequest request, CancellationToken cancellationToken);
}
