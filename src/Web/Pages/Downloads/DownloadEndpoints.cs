using Microsoft.Net.Http.Headers;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Jobs;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>The download jobs' registration, their progress poll and their file.</summary>
internal static class DownloadEndpoints
{
    public const string JobsPath = "/downloads";

    /// <summary>The planner and the jobs (which clean up at start); options from "Exports", validated at start.</summary>
    public static IServiceCollection AddDownloads(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ExportJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<ExportJobs>());
        services.AddScoped<DownloadPlanner>();
        return services;
    }

    public static string PagePath(string id) => $"{JobsPath}/{id}";

    /// <summary>The job's page with the download's filters in its address: once the job is gone, they make the file again.</summary>
    public static string PagePath(string id, ExportCriteria criteria, DownloadReport? report)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return criteria.Link(PagePath(id), report);
    }

    public static string StatusPath(string id) => $"{JobsPath}/{id}/status";

    public static string FilePath(string id) => $"{JobsPath}/{id}/file";

    /// <summary>
    /// GET /downloads/{id}/status: the progress of one of the signed-in user's jobs as JSON. GET (or HEAD)
    /// /downloads/{id}/file: its finished file, as often as asked until the job expires, a range of it to resume a
    /// download that broke off. Both answer 404 for an id the user has no job of (never had, expired, or someone
    /// else's: the answer does not tell which); a browser asking for such a file is sent to the job's page, whose 404
    /// says so in words and offers to make the file again.
    /// </summary>
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        var jobsGroup = endpoints.MapGroup(JobsPath);
        jobsGroup.MapGet("/{id}/status", async (string id, HttpContext context, ExportJobs jobs) =>
        {
            // Progress changes from one poll to the next: no cache may answer for the app.
            context.Response.Headers.CacheControl = "no-store";
            return await jobs.FindAsync(OwnerOf(context), id, context.RequestAborted) is { } job ? Results.Json(job.Status) : Results.NotFound();
        });
        jobsGroup.MapMethods("/{id}/file", [HttpMethods.Get, HttpMethods.Head], SendFileAsync);
        return endpoints;
    }

    public static string OwnerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return JobOwner.Of(context.User, "A download");
    }

    /// <summary>Sets the attachment header: the plain name, and the RFC 5987 <c>filename*</c> when it holds more than ASCII.</summary>
    public static void AsAttachment(HttpResponse response, string fileName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(response);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.ContentType = contentType;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static async Task<IResult> SendFileAsync(string id, HttpContext context, ExportJobs jobs)
    {
        var owner = OwnerOf(context);
        if (await jobs.FindAsync(owner, id, context.RequestAborted).ConfigureAwait(false) is not { } job || ExportJobs.OpenFile(job) is not { } file)
        {
            // A browser (asked again, or from a stale page) is sent to the job's page, which says why there is no file.
            return AcceptsHtml(context.Request) ? Results.LocalRedirect("~" + PagePath(id) + context.Request.QueryString) : Results.NotFound();
        }

        // The file stays until the job expires: a save that failed or was cancelled, a second copy, or a browser
        // resuming a broken-off download (Range, checked with If-Range against the validators below) is served again.
        // It never changes once written, so the job's id is a strong entity tag.
        AsAttachment(context.Response, job.FileName, job.ContentType);
        if (HttpMethods.IsGet(context.Request.Method))
        {
            jobs.Sending(owner, job, context.Request.Headers.Range);
        }

        return Results.File(
            file,
            job.ContentType,
            fileDownloadName: null,
            lastModified: File.GetLastWriteTimeUtc(file.SafeFileHandle),
            entityTag: new EntityTagHeaderValue($"\"{job.Id}\""),
            enableRangeProcessing: true);
    }
}
