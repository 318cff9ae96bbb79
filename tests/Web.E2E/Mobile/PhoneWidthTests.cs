using UMeetingReports.Web.E2E.Accessibility;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Mobile;

/// <summary>
/// Issue 13, on a phone (390 × 844): no page is wider than the screen, in either language, with every folded part
/// closed and opened; what is wider (a table) scrolls inside its own box, and the words above such a table (its
/// caption) stay within the box, in view. A failure names the elements that stick out.
/// </summary>
public sealed class PhoneWidthTests(PageTourServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<PageTourServer>
{
    // The page's width against the screen's, and the elements that reach past the screen outside any box of their own
    // that scrolls or clips.
    private const string Overflow = """
        () => {
          const screen = window.innerWidth;
          const clipped = element => {
            for (let box = element.parentElement; box; box = box.parentElement) {
              if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(box).overflowX)) return true;
            }
            return false;
          };
          const sticking = [...document.body.querySelectorAll('*')]
            .filter(element => element.getBoundingClientRect().right > screen + 0.5 && !clipped(element))
            .slice(0, 5)
            .map(element => `<${element.tagName.toLowerCase()} class="${element.className}" data-testid="${element.dataset.testid ?? ''}"> ends at ${Math.round(element.getBoundingClientRect().right)} px`);
          // A caption scrolls with its table: its words must fit the box the table scrolls in, or part of them is out of sight.
          const captions = [...document.querySelectorAll('.table-responsive > table > caption')]
            .filter(caption => caption.getBoundingClientRect().width > 1
              && caption.getBoundingClientRect().right > caption.closest('.table-responsive').getBoundingClientRect().right + 0.5)
            .slice(0, 5)
            .map(caption => `the caption of <table data-testid="${caption.parentElement.dataset.testid ?? ''}"> ends at ${Math.round(caption.getBoundingClientRect().right)} px, its box at ${Math.round(caption.closest('.table-responsive').getBoundingClientRect().right)} px`);
          return { page: document.documentElement.scrollWidth, screen, sticking, captions };
        }
        """;

    private const string OpenEveryFold = "() => document.querySelectorAll('details').forEach(details => details.open = true)";

    [Theory]
    [InlineData("en", 4)]
    [InlineData("zh-CN", 5)]
    public async Task No_page_is_wider_than_a_phones_screen_nor_a_tables_caption_than_its_box(string language, int tour)
    {
        // Arrange
        await Page.SetViewportSizeAsync(390, 844);
        var tooWide = new List<string>();
        var walk = new PageTour(Page, Server, language, tour);

        async Task MeasureAsync(string name)
        {
            var width = await Page.EvaluateAsync<PageWidth>(Overflow);
            if (width.Page > width.Screen)
            {
                tooWide.Add($"{name}: {width.Page} px wide on a {width.Screen} px screen; {string.Join("; ", width.Sticking)}");
            }

            if (width.Captions.Length > 0)
            {
                tooWide.Add($"{name}: {string.Join("; ", width.Captions)}");
            }
        }

        // Act
        await walk.WalkAsync(async name =>
        {
            await MeasureAsync(name + ", folded");
            await Page.EvaluateAsync(OpenEveryFold);
            await MeasureAsync(name + ", unfolded");
        });

        // Assert
        Assert.True(walk.Seen.Count >= 15, $"Only {walk.Seen.Count} pages were seen: {string.Join(", ", walk.Seen)}");
        Assert.True(tooWide.Count == 0, string.Join(Environment.NewLine, tooWide));
    }

    [Fact]
    public async Task A_wide_tables_first_column_stays_in_view_while_the_table_scrolls_sideways()
    {
        // Arrange: the participants of a month on a phone; the table is wider than its box.
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsDemoAdminAsync();
        await Page.GotoAsync("participants?from=2025-05-01&to=2025-05-31&page_size=10");
        var box = Page.GetByRole(Microsoft.Playwright.AriaRole.Region, new() { Name = "Participants" });
        var firstName = Page.GetByTestId("participant-name").First;
        var firstCount = Page.GetByTestId("participant-meetings").First;
        var boxLeft = (await box.BoundingBoxAsync())!.X;
        var countBefore = (await firstCount.BoundingBoxAsync())!.X;

        // Act: the box takes the focus and scrolls with the arrow keys; then it is scrolled as far as it goes.
        await box.FocusAsync();
        for (var press = 0; press < 5; press++)
        {
            await Page.Keyboard.PressAsync("ArrowRight");
        }

        var byKeyboard = await box.EvaluateAsync<int>("box => box.scrollLeft");
        await box.EvaluateAsync("box => box.scrollLeft = box.scrollWidth");
        var scrolled = await box.EvaluateAsync<int>("box => box.scrollLeft");

        // Assert: the other columns moved; the names did not.
        Assert.True(scrolled > 100, $"The table scrolled only {scrolled} px: it is not wider than the phone.");
        Assert.True((await firstCount.BoundingBoxAsync())!.X < countBefore - 100, "The second column did not move.");
        Assert.InRange((await firstName.BoundingBoxAsync())!.X, boxLeft, boxLeft + 12);
        Assert.True(byKeyboard > 0, "The arrow keys did not scroll the focused table.");
    }

    // Filled by Playwright from the script's result, which needs a parameterless constructor.
    private sealed class PageWidth
    {
        public int Page { get; set; }

        public int Screen { get; set; }

        public string[] Sticking { get; set; } = [];

        public string[] Captions { get; set; } = [];
    }
}
