using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// Decides whether a download streams at once or runs as a background job, by the work it needs counted in the
/// service's pages: every month window is at least one, so more windows than Exports:BackgroundAbove is a job
/// without asking anything. Otherwise the period's months are made present in the archive (read now when they never
/// were, shared with any other reader of them: the export then finds them there) and the archive's count <c>T</c> of
/// the period's meetings bounds the pages from above: windows + ⌊T / page size⌋ (a window of <c>t</c> meetings needs
/// ⌈t / size⌉ pages, at most 1 + ⌊t / size⌋). A download of one meeting record is planned by its windows alone, and
/// refused when the period does not hold the record; one
/// of the meetings report's search or person by the meetings it lists (what the file holds), not the whole period's.
/// </summary>
internal sealed class DownloadPlanner(IListedMeetingCount archive, IOptions<UMeetingOptions> upstream, IOptions<ExportOptions> exports)
{
    public async Task<DownloadPlan> PlanAsync(ExportCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var windows = criteria.Period.SplitIntoMonthWindows().Count;
        var limit = exports.Value.BackgroundAbove;
        if (windows > limit)
        {
            return new DownloadPlan(InBackground: true, windows, null);
        }

        if (!string.IsNullOrEmpty(criteria.Uuid))
        {
            // One record: a file for a record the period does not hold would be a workbook of zeros that looks like an answer.
            var found = await archive.CountAsync(criteria.ToQuery(), null, null, cancellationToken).ConfigureAwait(false);
            return found.Succeeded
                ? new DownloadPlan(InBackground: false, windows, null) { NoSuchRecord = found.Value == 0 }
                : new DownloadPlan(InBackground: false, windows, found.Failure);
        }

        var total = await archive.CountAsync(criteria.ToQuery(), criteria.Search, criteria.Participant, cancellationToken).ConfigureAwait(false);
        if (!total.Succeeded)
        {
            return new DownloadPlan(InBackground: false, windows, total.Failure);
        }

        var requests = windows + (total.Value / upstream.Value.MaxPageSize);
        return new DownloadPlan(requests > limit, requests, null);
    }
}

/// <param name="Requests">The upstream requests the download needs at most (at least, when only windows were counted).</param>
/// <param name="Failure">The probe's failure: the download cannot be complete, nothing is written.</param>
internal sealed record DownloadPlan(bool InBackground, int Requests, UpstreamFailure? Failure)
{
    /// <summary>A download of one record (<c>uuid</c>) that the period does not hold: no file is made.</summary>
    public bool NoSuchRecord { get; init; }
}
