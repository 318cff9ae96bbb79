using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UMeetingReports.Web.Pages.Shared;

internal static class PageModelExtensions
{
    /// <summary>The page itself, answered with <paramref name="statusCode"/>: a refused filter (400) shows the form with its messages, a failure (502) says what is missing.</summary>
    public static PageResult WithStatus(this PageModel page, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response.StatusCode = statusCode;
        return page.Page();
    }
}
