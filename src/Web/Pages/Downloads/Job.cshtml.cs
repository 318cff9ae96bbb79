using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Downloads;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// /downloads/{id}?from=…: one of the signed-in user's background downloads — its progress while it waits or runs
/// (polled by download-progress.js), a cancel button, and the file once it is ready, to download as often as needed
/// until the job expires. Its address carries the download's filters, so that once the job is gone (expired, or never
/// theirs) the 404 page says so and offers to make the same file again.
/// </summary>
internal sealed class JobModel(ExportJobs jobs, IRoomDirectory roomDirectory, UpstreamZone zone) : PageModel
{
    /// <summary>The download's filters, as the address carries them; read only when the job is gone.</summary>
    [BindProperty(SupportsGet = true)]
    public ExportFilter Filter { get; set; } = new();

    /// <summary>The job; null when the user has none of this id (any more).</summary>
    public DownloadJobView? Job { get; private set; }

    /// <summary>When the job is gone: /export with the same filters, if the address carried them.</summary>
    public ExportCriteria? Again { get; private set; }

    public ExportJobStatus Status { get; private set; } = null!;

    public string? RoomName { get; private set; }

    /// <summary>Until when the ended job's file can be downloaded again, in the service's zone; null while it runs.</summary>
    public DateTimeOffset? KeptUntil { get; private set; }

    /// <summary>Now in the service's zone, which <see cref="KeptUntil"/> is read against.</summary>
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Again = CarriedCriteria();
        if (await jobs.FindAsync(DownloadEndpoints.OwnerOf(HttpContext), id, cancellationToken) is not { } job)
        {
            return this.WithStatus(StatusCodes.Status404NotFound);
        }

        (Job, Status, Now) = (job, job.Status, zone.Now);
        KeptUntil = job.KeptUntil is { } until ? TimeZoneInfo.ConvertTime(until, zone.TimeZone) : null;
        if (job.HostId is { } hostId)
        {
            RoomName = (await roomDirectory.GetRoomsAsync(cancellationToken)).NameOf(hostId);
        }

        return Page();
    }

    /// <summary>Back to the job's page with the download's filters still in its address (the cancel form posts them).</summary>
    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken) =>
        await jobs.CancelAsync(DownloadEndpoints.OwnerOf(HttpContext), id, cancellationToken)
            ? LocalRedirect("~" + (CarriedCriteria() is { } criteria ? DownloadEndpoints.PagePath(id, criteria, Filter.Report) : DownloadEndpoints.PagePath(id)))
            : NotFound();

    /// <summary>The download's filters when the address carries them (it does when /export made the job).</summary>
    private ExportCriteria? CarriedCriteria() =>
        Request.Query.ContainsKey(ReportFilter.FromField) && ModelState.IsValid ? Filter.ToCriteria() : null;
}
