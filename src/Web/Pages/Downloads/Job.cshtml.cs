using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Web.Pages.Downloads;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// /downloads/{id}: one of the signed-in user's background downloads — its progress while it waits or runs (polled by
/// download-progress.js), a cancel button, and the file once it is ready. 404 for an id they have no job of.
/// </summary>
internal sealed class JobModel(ExportJobs jobs, IRoomDirectory roomDirectory) : PageModel
{
    public DownloadJobView Job { get; private set; } = null!;

    public ExportJobStatus Status { get; private set; } = null!;

    public string? RoomName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(DownloadEndpoints.OwnerOf(HttpContext), id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        (Job, Status) = (job, job.Status);
        if (job.HostId is { } hostId)
        {
            RoomName = (await roomDirectory.GetRoomsAsync(cancellationToken)).NameOf(hostId);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken) =>
        await jobs.CancelAsync(DownloadEndpoints.OwnerOf(HttpContext), id, cancellationToken)
            ? RedirectToPage(new { id })
            : NotFound();
}
