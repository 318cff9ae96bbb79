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
        try
        {
            // The address the browser shows keeps a link's fragment (a sort heading's #sort-…); the response's has none.
            await page.WaitForURLAsync(url => WithoutFragment(url) == response.Url);
        }
        catch (TimeoutException) when (WithoutFragment(page.Url) == response.Url)
        {
            // Now and then, on a loaded machine, the browser never reports "load" to Playwright for a document that is
            // there (a clean-clone run's trace: the landing page committed, its network idle, no "load" in 15 s).
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        return response;
    }

    public static string WithoutFragment(string url) => url.Split('#', 2)[0];
}
