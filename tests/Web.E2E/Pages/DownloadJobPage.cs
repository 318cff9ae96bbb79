using System.Globalization;
using Microsoft.Playwright;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>/downloads/{id}: a background download's progress, its cancel button, and its file once ready.</summary>
public sealed class DownloadJobPage(IPage page)
{
    public ILocator Progress => page.GetByTestId("download-progress");

    public ILocator Bar => page.GetByTestId("download-bar");

    public ILocator CancelButton => page.GetByTestId("download-cancel");

    public ILocator Ready => page.GetByTestId("download-ready");

    public ILocator Cancelled => page.GetByTestId("download-cancelled");

    public ILocator FileName => page.GetByTestId("download-file-name");

    /// <summary>
    /// Clicks a download button that leads here and waits for this page. Not RunAndWaitForPageAsync: the page reloads
    /// itself as soon as the job changes state (it starts, it ends), which a quick job does within the first second.
    /// </summary>
    public async Task OpenFromAsync(ILocator button)
    {
        ArgumentNullException.ThrowIfNull(button);
        await button.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/downloads/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>Opens a download by its address (as a bookmark would) and waits for the page it leads to.</summary>
    public async Task OpenAsync(string exportAddress)
    {
        await page.GotoAsync(exportAddress, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/downloads/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>
    /// Waits until the page shows the job running. A job shown "waiting" makes the page reload itself once it starts,
    /// and a click meant for the waiting page could otherwise meet that reload.
    /// </summary>
    public async Task RunningAsync() =>
        await page.Locator("[data-testid=\"download-progress\"][data-state=\"running\"]").WaitForAsync(new() { Timeout = 30_000 });

    public bool IsShown => new Uri(page.Url).AbsolutePath.StartsWith("/downloads/", StringComparison.Ordinal);

    /// <summary>
    /// How far the bar is, 0 to 100, as the browser shows it now: its <c>value</c> attribute, which the bar's property
    /// reflects. Read through the locator, which finds the bar again when the page has just reloaded itself (an
    /// evaluation in the page failed once with "Execution context was destroyed" when a reload crossed it).
    /// </summary>
    public async Task<double> BarValueAsync() =>
        double.Parse(await Bar.GetAttributeAsync("value") ?? "-1", NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// From the next page on, keeps the furthest the bar ever stood in the tab's session storage, across the reloads
    /// the page makes as the job moves on: the last of them may show the file at once, with no bar left to look at.
    /// </summary>
    public async Task RecordBarAsync() =>
        await page.AddInitScriptAsync("""
            new MutationObserver(() => {
              const bar = document.querySelector('[data-testid="download-bar"]');
              if (bar && bar.value > Number(sessionStorage.getItem('furthest-bar') ?? -1)) {
                sessionStorage.setItem('furthest-bar', String(bar.value));
              }
            }).observe(document, { subtree: true, childList: true, attributes: true });
            """);

    /// <summary>The furthest the bar stood since <see cref="RecordBarAsync"/>; -1 when it was never seen.</summary>
    public async Task<double> FurthestBarAsync() =>
        double.Parse(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('furthest-bar')") ?? "-1", CultureInfo.InvariantCulture);

    public async Task<IResponse> CancelAsync() => await Harness.Navigation.RunAndWaitForPageAsync(page, () => CancelButton.ClickAsync());

    /// <summary>Waits for the file's link (the page reloads itself when the job is done) and saves the file.</summary>
    public async Task<SavedFile> SaveWhenReadyAsync(TimeSpan timeout)
    {
        await Ready.WaitForAsync(new() { Timeout = (float)timeout.TotalMilliseconds });
        return await ReportDownloads.SaveAsync(page, Ready);
    }

    public async Task<int> CountAsync(string testId) =>
        int.Parse(await page.GetByTestId(testId).GetAttributeAsync("data-value") ?? "-1", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
