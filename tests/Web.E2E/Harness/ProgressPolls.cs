using Microsoft.Playwright;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>The polls a progress page makes of its <c>/status</c> address, as a test steers them.</summary>
internal static class ProgressPolls
{
    /// <summary>
    /// Lets every poll through to the app until <paramref name="after"/> has completed; from then on answers each with
    /// <paramref name="json"/>, as if the work were done, so a test can make the page's reload coincide with a step of its own.
    /// </summary>
    public static Task AnswerAfterAsync(IPage page, Task after, string json) =>
        page.RouteAsync(url => new Uri(url).AbsolutePath.EndsWith("/status", StringComparison.Ordinal), async route =>
        {
            if (!after.IsCompleted)
            {
                await route.ContinueAsync();
                return;
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = json });
        });
}
