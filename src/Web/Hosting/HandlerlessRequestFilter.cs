using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// A page without a handler for the request's method (a POST to a report, which only has OnGet) would otherwise run
/// with nothing bound and fail as a server error: it answers 405 with the methods it does take.
/// </summary>
internal sealed class HandlerlessRequestFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            var methods = context.ActionDescriptor.HandlerMethods.Select(handler => handler.HttpMethod.ToUpperInvariant()).Distinct(StringComparer.Ordinal);
            context.HttpContext.Response.Headers.Allow = string.Join(", ", methods.Contains("GET") ? methods.Append("HEAD") : methods);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
