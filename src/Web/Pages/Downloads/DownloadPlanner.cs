using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// Decides whether a download streams at once or runs as a background job, by the upstream requests it needs.
/// Every month window needs at least one request, so more windows than Exports:BackgroundAbove is a job without
/// asking anything. Otherwise page 1 of every window is read at the largest page size — the very pages the export
/// reads first, so the reader's cache hands them back and the probe costs the export nothing — and the period's
/// total <c>T</c> bounds the requests from above: windows + ⌊T / page size⌋ (a window of <c>t</c> meetings needs
/// ⌈t / size⌉ pages, at most 1 + ⌊t / size⌋). A download is never sent to the foreground on an underestimate.
/// A download of one meeting record is planned by its windows alone: the upstream answers it with one small page
/// per window where it honours the id.
/// </summary>
internal sealed class DownloadPlanner(IMeetingReader reader, IOptions<UMeetingOptions> upstream, IOptions<ExportOptions> exports)
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
            return new DownloadPlan(InBackground: false, windows, null);
        }

        var pageSize = upstream.Value.MaxPageSize;
        var probe = await reader.GetPageAsync(criteria.ToQuery(), pageSize, 1, cancellationToken).ConfigureAwait(false);
        if (!probe.Succeeded)
        {
            return new DownloadPlan(InBackground: false, windows, probe.Failure);
        }

        var requests = windows + (probe.Value.TotalRecord / pageSize);
        return new DownloadPlan(requests > limit, requests, null);
    }
}

/// <param name="Requests">The upstream requests the download needs at most (at least, when only windows were counted).</param>
/// <param name="Failure">The probe's failure: the download cannot be complete, nothing is written.</param>
internal sealed record DownloadPlan(bool InBackground, int Requests, UpstreamFailure? Failure);
