using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Participants;

/// <summary>Who used the rooms over a period, and for how long: one line per display name.</summary>
public interface IParticipantsReportService
{
    /// <summary>
    /// Gathers every meeting of the period (with participants, through the reader's cache) and sums per name.
    /// An incomplete period is the upstream's failure, never a partial report.
    /// </summary>
    Task<UpstreamResult<ParticipantsReport>> GetAsync(ParticipantsRequest request, CancellationToken cancellationToken);
}
