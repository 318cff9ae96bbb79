using System.Globalization;
using System.Reflection;
using Microsoft.Playwright;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>
/// A test that drives one browser page against <see cref="MeetingReportsServer"/>. Tracing runs for every test; when
/// the test fails, the trace (open it with `npx playwright show-trace`) and a screenshot of the page are saved in
/// tests/Web.E2E/playwright-artifacts/ and their paths written to the test output.
/// </summary>
public abstract class BrowserTest(MeetingReportsServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private readonly List<string> _browserErrors = [];

    protected IPage Page { get; private set; } = null!;

    protected MeetingReportsServer Server => server;

    /// <summary>Script errors and failed resource loads the browser reported (console errors), in order.</summary>
    protected IReadOnlyList<string> BrowserErrors => _browserErrors;

    /// <summary>The browser's language: English, which the tests' expected texts are in, unless a test is about another.</summary>
    protected virtual string Locale => "en-US";

    public virtual async ValueTask InitializeAsync()
    {
        _context = await browser.NewContextAsync(server.RootUri, Locale);
        _context.SetDefaultTimeout(15_000);
        await _context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true, Title = TestName() });

        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        Page.PageError += (_, error) => _browserErrors.Add(error);
    }

    /// <summary>Signs in with the demo account from the sign-in page; the browser then shows the meetings report.</summary>
    protected Task SignInAsDemoAdminAsync() => SignInAsync(DemoAccount.UserName, DemoAccount.Password);

    /// <summary>Signs in from the sign-in page with any account of the server.</summary>
    protected async Task SignInAsync(string userName, string password)
    {
        var signIn = new SignInPage(Page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(userName, password);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            // The test's outcome is known only now, while the test class is disposed.
            if (TestContext.Current.TestState?.Result == TestResult.Failed)
            {
                await SaveArtifactsAsync(_context);
            }
            else
            {
                await _context.Tracing.StopAsync();
            }

            await _context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task SaveArtifactsAsync(IBrowserContext context)
    {
        var directory = Path.Combine(ProjectDirectory(), "playwright-artifacts");
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{SafeFileName(TestName())}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var output = TestContext.Current.TestOutputHelper;

        try
        {
            await Page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true });
            output?.WriteLine($"Screenshot saved to {stem}.png");
        }
        catch (PlaywrightException exception)
        {
            output?.WriteLine($"No screenshot: {exception.Message}");
        }

        await context.Tracing.StopAsync(new() { Path = stem + ".zip" });
        output?.WriteLine($"Trace saved to {stem}.zip (npx playwright show-trace {stem}.zip)");
        foreach (var error in _browserErrors)
        {
            output?.WriteLine($"Browser error: {error}");
        }
    }

    private static string TestName()
    {
        var test = TestContext.Current.Test;
        return test is null ? "unknown-test" : $"{test.TestCase.TestClassName}.{test.TestCase.TestMethodName}";
    }

    private static string SafeFileName(string name) =>
        string.Concat(name.Select(character => char.IsLetterOrDigit(character) || character is '.' or '_' or '-' ? character : '_'));

    private static string ProjectDirectory() =>
        typeof(BrowserTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "ProjectDirectory")?.Value
        ?? AppContext.BaseDirectory;
}
