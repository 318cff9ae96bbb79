using Microsoft.Playwright;

namespace UMeetingReports.Web.E2E.Harness;

internal static class Navigation
{
    /// <summary>
    /// Runs an action that makes the page navigate (a click on a link or a submit) and returns the response of the
    /// document the browser lands on, after any redirects, once that document has loaded.
    /// </summary>
    public static async Task<IResponse> RunAndWaitForPageAsync(this IPage page, Func<Task> action)
    {
        var response = await page.RunAndWaitForResponseAsync(
            action,
            candidate => candidate.Request.IsNavigationRequest && candidate.Frame == page.MainFrame && candidate.Status is < 300 or >= 400);
        await page.WaitForURLAsync(url => url == response.Url);
        return response;
    }
}
