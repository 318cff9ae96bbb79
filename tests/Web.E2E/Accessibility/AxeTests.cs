using Microsoft.Playwright;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Accessibility;

/// <summary>
/// Issue 13: axe-core (npm, injected by the tests only) checks every page at a laptop's size and a phone's, in English
/// and in Chinese, with every folded part opened: no moderate, serious or critical violation (a moderate one: two landmarks
/// of one name). A failure names the page, the
/// rule, the element and what is wrong with it.
/// </summary>
public sealed class AxeTests(PageTourServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<PageTourServer>
{
    // The checker's report reduced to what a reader of the failure needs: rule, impact, element, and why.
    private const string Violations = """
        async () => {
          document.querySelectorAll('details').forEach(details => details.open = true);
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(violation => violation.impact !== 'minor')
            .flatMap(violation => violation.nodes.map(node =>
              `${violation.id} (${violation.impact}): ${node.target.join(' ')} ${node.html.slice(0, 160)} ${(node.failureSummary || '').replace(/\s+/g, ' ')}`));
        }
        """;

    private static readonly string AxeScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe-core", "axe.min.js"));

    [Theory]
    [InlineData(1366, 900, "en", 0)]
    [InlineData(1366, 900, "zh-CN", 1)]
    [InlineData(390, 844, "en", 2)]
    [InlineData(390, 844, "zh-CN", 3)]
    public async Task Every_page_has_no_moderate_serious_or_critical_accessibility_violation(int width, int height, string language, int tour)
    {
        // Arrange: the checker is in every page before the page's own scripts (the CSP keeps it from being added later).
        await Page.SetViewportSizeAsync(width, height);
        await Page.AddInitScriptAsync(AxeScript);
        var violations = new List<string>();
        var walk = new PageTour(Page, Server, language, tour);

        // Act
        await walk.WalkAsync(async name =>
        {
            var found = await Page.EvaluateAsync<string[]>(Violations);
            violations.AddRange(found.Select(violation => $"{name} ({Page.Url}): {violation}"));
        });

        // Assert
        Assert.True(walk.Seen.Count >= 15, $"Only {walk.Seen.Count} pages were seen: {string.Join(", ", walk.Seen)}");
        Assert.True(violations.Count == 0, $"{violations.Count} moderate, serious or critical violations at {width}x{height} in {language}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
