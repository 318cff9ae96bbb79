using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Pages.Downloads;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// /export?from=…&amp;to=…[&amp;host_id=…][&amp;uuid=…]&amp;format=xlsx|csv[&amp;table=…]: streams the file at once, or, when it
/// needs many upstream requests, starts a background job and sends the browser to its progress page. This page is
/// shown only when there is no file: 400 for a wrong filter, 502 when the upstream gave no complete answer (nothing
/// was written yet), 404 for one record (uuid) the period does not hold, 429 when the user has too many jobs already.
/// </summary>
internal sealed class ExportModel(
    IRoomDirectory roomDirectory,
    UpstreamZone zone,
    DownloadPlanner planner,
    ExportJobs jobs,
    IWorkbookExporter exporter) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ExportFilter Filter { get; set; } = new();

    /// <summary>The download as understood; null when the address was refused.</summary>
    public ExportCriteria? Criteria { get; private set; }

    public UpstreamFailure? Failure { get; private set; }

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.WithStatus(StatusCodes.Status400BadRequest);
        }

        var criteria = Criteria = Filter.ToCriteria();

        var owner = DownloadEndpoints.OwnerOf(HttpContext);
        var request = criteria.ToRequest(owner, User.IsInRole(Roles.Admin), zone.Now, CultureInfo.CurrentUICulture);
        var plan = await planner.PlanAsync(criteria, cancellationToken);
        if (plan.Failure is not null)
        {
            Failure = plan.Failure;
            return this.WithStatus(StatusCodes.Status502BadGateway);
        }

        if (plan.NoSuchRecord)
        {
            return this.WithStatus(StatusCodes.Status404NotFound);
        }

        if (plan.InBackground)
        {
            return await jobs.StartAsync(owner, criteria, request, criteria.FileName(Rooms, Filter.Report), cancellationToken) is { } job
                ? LocalRedirect("~" + DownloadEndpoints.PagePath(job.Id, criteria, Filter.Report))
                : this.WithStatus(StatusCodes.Status429TooManyRequests);
        }

        DownloadEndpoints.AsAttachment(Response, criteria.FileName(Rooms, Filter.Report), criteria.ContentType);
        var outcome = criteria.Table is { } table
            ? await exporter.WriteCsvAsync(request, table, Response.Body, null, cancellationToken)
            : await exporter.WriteXlsxAsync(request, Response.Body, null, cancellationToken);
        if (outcome.Succeeded)
        {
            return new EmptyResult();
        }

        // Nothing was written: the attachment headers go, and the page says why there is no file.
        Response.Clear();
        Failure = outcome.Failure;
        return this.WithStatus(StatusCodes.Status502BadGateway);
    }

}
