using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Trends;

public sealed class TrendsJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private static readonly string[] MeetingsCharts = ["trend-meetings", "trend-actual-minutes", "trend-participants", "trend-phone-minutes", "trend-phone-cost"];

    [Fact]
    public async Task Three_months_of_meetings_are_drawn_month_by_month_with_the_same_numbers_as_their_tables()
    {
        // Arrange
        await SignInAsDemoAdminAsync();

        // Act
        await Page.GotoAsync("meetings?from=2025-02-01&to=2025-04-30");
        await Page.GetByTestId("trends").WaitForAsync(new() { Timeout = 60_000 });

        // Assert: each chart painted from the numbers its table lists, three whole months.
        foreach (var chart in MeetingsCharts.Select(id => new ChartFigure(Page, id)))
        {
            var drawn = await chart.StateAsync();
            await chart.OpenTableAsync();
            var (labels, values) = await chart.TableAsync();

            Assert.True(drawn.Painted, $"The canvas of {chart.Id} is blank.");
            Assert.Equal((chart.Id, "2025-02 | 2025-03 | 2025-04"), (chart.Id, string.Join(" | ", drawn.Labels)));
            Assert.Equal((chart.Id, string.Join(" | ", drawn.Labels)), (chart.Id, string.Join(" | ", labels)));
            Assert.Equal<decimal>(drawn.Values(), values);
        }

        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task A_month_shows_no_charts_and_says_each_kpis_change_on_the_month_before_in_words_and_signs()
    {
        // Arrange: February read into the archive by its own page.
        await SignInAsDemoAdminAsync();
        await Page.GotoAsync("meetings?from=2025-02-01&to=2025-02-28");
        await Page.GetByTestId("kpi-meetings").WaitForAsync(new() { Timeout = 60_000 });

        // Act
        await Page.GotoAsync("meetings?from=2025-03-01&to=2025-03-31");
        var change = Page.GetByTestId("kpi-meetings-change");
        await change.WaitForAsync(new() { Timeout = 60_000 });

        // Assert: an arrow and a sign for the eye, a sentence for a screen reader; no chart for one month.
        Assert.Matches("^[▲▼=] [+−±][0-9]", (await change.Locator("[aria-hidden=true]").InnerTextAsync()).Trim());
        Assert.Matches("^((up|down) [0-9,]+ \\([0-9.]+%\\) on the previous period|the same as in the previous period)$", (await change.Locator(".visually-hidden").InnerTextAsync()).Trim());
        Assert.Equal("Changes are against 2025-02-01 – 2025-02-28, the calendar month before.", (await Page.GetByTestId("kpi-comparison").InnerTextAsync()).Trim());
        Assert.Equal(0, await Page.GetByTestId("trends").CountAsync());
        Assert.Equal(0, await Page.Locator("canvas").CountAsync());
        Assert.Empty(BrowserErrors);
    }
}
