using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Web.Pages;

/// <summary>
/// Every failed request ends here (exception handler and status-code re-execution): a sentence for the status and
/// the request id to quote. The exception itself is shown in Development only.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ErrorModel(IHostEnvironment environment, IArchiveHealth archive) : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public string RequestId { get; private set; } = "";

    public string? Detail { get; private set; }

    /// <summary>Why the archive's database failed the request (naming the file or server), when that is what happened.</summary>
    public string? ArchiveFailure { get; private set; }

    public string Sentence => Status switch
    {
        400 => "The request was not valid: check the address or the form and try again.",
        403 => "You are signed in, but your account may not open this page.",
        404 => "There is no page at this address.",
        405 => "This address does not accept that kind of request.",
        429 => "Too many requests in a short time: wait a moment and try again.",
        500 => "Something went wrong on our side. Quote the request id below to your administrator.",
        502 => "The meeting service did not answer properly: try again in a moment.",
        503 when ArchiveFailure is not null => "The archive cannot be read or written right now: the pages that need it are unavailable until it can. Try again in a few minutes.",
        503 => "The service is not available right now: try again in a few minutes.",
        _ => "The request could not be completed.",
    };

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        if (!reExecuted && failure is null && code is >= 400 and <= 599)
        {
            Response.StatusCode = code.Value;
        }

        // The archive's database gone, full or damaged is not a defect of the page: 503, with the archive named.
        ArchiveFailure = failure is not null ? archive.Explain(failure.Error) : null;
        if (ArchiveFailure is not null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        Status = ArchiveFailure is not null ? StatusCodes.Status503ServiceUnavailable
            : failure is not null ? StatusCodes.Status500InternalServerError
            : code ?? Response.StatusCode;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Detail = environment.IsDevelopment() ? failure?.Error.ToString() : null;
    }
}
