using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UMeetingReports.Web.Pages;

/// <summary>
/// Every failed request ends here (exception handler and status-code re-execution): a sentence for the status and
/// the request id to quote. The exception itself is shown in Development only.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ErrorModel(IHostEnvironment environment) : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public string RequestId { get; private set; } = "";

    public string? Detail { get; private set; }

    public string Sentence => Status switch
    {
        400 => "The request was not valid: check the address or the form and try again.",
        403 => "You are signed in, but your account may not open this page.",
        404 => "There is no page at this address.",
        405 => "This address does not accept that kind of request.",
        429 => "Too many requests in a short time: wait a moment and try again.",
        500 => "Something went wrong on our side. Quote the request id below to your administrator.",
        502 => "The meeting service did not answer properly: try again in a moment.",
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

        Status = failure is not null ? StatusCodes.Status500InternalServerError : code ?? Response.StatusCode;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Detail = environment.IsDevelopment() ? failure?.Error.ToString() : null;
    }
}
