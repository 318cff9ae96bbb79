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

    public bool IsShown => new Uri(page.Url).AbsolutePath.StartsWith("/downloads/", StringComparison.Ordinal);

    /// <summary>How far the bar is, 0 to 100, as the browser shows it now.</summary>
    public async Task<double> BarValueAsync() => await Bar.EvaluateAsync<double>("bar => bar.value");

    /// <summary>Waits (up to <paramref name="timeout"/>) until the bar shows more than <paramref name="value"/>.</summary>
    public async Task WaitForBarAboveAsync(double value, TimeSpan timeout) =>
        await page.WaitForFunctionAsync(
            "value => (document.querySelector('[data-testid=\"download-bar\"]')?.value ?? -1) > value",
            value,
            new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 50 });

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
