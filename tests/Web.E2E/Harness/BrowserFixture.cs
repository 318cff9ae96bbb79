using Microsoft.Playwright;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>
/// One headless Debian chromium for the whole assembly; every test gets its own context (cookies, storage).
/// Without /usr/bin/chromium the browser tests skip with the reason, except in CI (CI=true), where they must run.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The machines that run these tests have no network beyond package registries: nothing may phone home.
    private static readonly string[] LaunchArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _unavailableReason = "";

    public static bool RunsInCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci
        && (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _unavailableReason = $"{ChromiumPath} is not installed; ./build/test.sh installs it (apt-get install chromium).";
            if (RunsInCi)
            {
                throw new InvalidOperationException($"CI=true and {_unavailableReason} In CI the browser tests must run, never skip.");
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArguments,
        });
    }

    /// <summary>A fresh context whose relative URLs resolve against <paramref name="baseUri"/>; skips the test without a browser.</summary>
    /// <param name="locale">The browser's language (its Accept-Language); English unless a test is about another.</param>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUri, string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (_browser is null)
        {
            Assert.Skip(_unavailableReason);
        }

        return await _browser.NewContextAsync(new()
        {
            BaseURL = baseUri.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = 1400, Height = 1000 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
