using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>
/// Issue 13: a background download's page reloaded after its file was fetched (the file is deleted once downloaded)
/// says so in the reader's language, instead of a bare 404, and offers the same download again: same period, same
/// room, which leads to a new job and a new file.
/// </summary>
public sealed class DownloadAgainJourneyTests(SlowExportServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<SlowExportServer>
{
    private const string Export = "/export?from=2024-10-01&to=2024-11-30";

    [Theory]
    [InlineData("en", "This download is no longer here", "Make the file again")]
    [InlineData("zh-CN", "此下载已不存在", "重新生成文件")]
    public async Task A_download_page_reloaded_after_its_file_was_fetched_says_so_and_makes_the_same_file_again(string language, string heading, string again)
    {
        // Arrange: signed in, in the language of the reader.
        await SignInAsDemoAdminAsync();
        await Navigation.RunAndWaitForPageAsync(Page, () => Page.GetByTestId($"language-{language}").ClickAsync());
        var job = new DownloadJobPage(Page);
        await job.OpenAsync(Export);
        var first = await job.SaveWhenReadyAsync(TimeSpan.FromSeconds(90));
        var firstAddress = new Uri(Page.Url);

        // Act: the page reloaded once the file is fetched.
        var reloaded = await Page.ReloadAsync();

        // Assert: a 404 that says why, in the reader's language, and offers the same download.
        Assert.Equal(404, reloaded!.Status);
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        var offer = Page.GetByTestId("download-again");
        await Expect(offer).ToHaveTextAsync(again);
        Assert.Equal(
            "/export?from=2024-10-01&to=2024-11-30&format=xlsx",
            await offer.GetAttributeAsync("href"));

        // Act: the offer taken.
        await job.OpenFromAsync(offer);
        var second = await job.SaveWhenReadyAsync(TimeSpan.FromSeconds(90));

        // Assert: a new job of the same download, the same file.
        Assert.NotEqual(firstAddress.AbsolutePath, new Uri(Page.Url).AbsolutePath);
        Assert.Equal(first.Name, second.Name);
        using (var firstBook = first.OpenWorkbook())
        using (var secondBook = second.OpenWorkbook())
        {
            Assert.Equal(firstBook.Worksheets.Select(sheet => sheet.LastRowUsed()?.RowNumber()), secondBook.Worksheets.Select(sheet => sheet.LastRowUsed()?.RowNumber()));
        }

        // The reload's 404 is the one error the browser reports.
        Assert.Equal([firstAddress.PathAndQuery], BrowserErrors.Select(error => new Uri(error[(error.IndexOf("(http", StringComparison.Ordinal) + 1)..error.LastIndexOf(":0:0)", StringComparison.Ordinal)]).PathAndQuery));
    }

    [Fact]
    public async Task Asking_again_for_a_file_already_fetched_leads_a_browser_to_the_page_that_says_why()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var job = new DownloadJobPage(Page);
        await job.OpenAsync(Export);
        var fileAddress = await job.Ready.GetAttributeAsync("href", new() { Timeout = 90_000 });
        await job.SaveWhenReadyAsync(TimeSpan.FromSeconds(90));

        // Act
        var response = await Page.GotoAsync(fileAddress!);

        // Assert
        Assert.Equal(404, response!.Status);
        await Expect(Page.GetByTestId("download-gone")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("download-again")).ToHaveAttributeAsync("href", "/export?from=2024-10-01&to=2024-11-30&format=xlsx");
        await Expect(Page.GetByTestId("download-back")).ToHaveAttributeAsync("href", "/meetings?from=2024-10-01&to=2024-11-30&page_size=30");
    }

    [Fact]
    public async Task A_bookmarked_download_page_without_its_filters_still_says_why_and_points_to_the_reports()
    {
        // Arrange
        await SignInAsDemoAdminAsync();

        // Act
        var response = await Page.GotoAsync("/downloads/0123456789abcdef0123456789abcdef");

        // Assert
        Assert.Equal(404, response!.Status);
        await Expect(Page.GetByTestId("download-gone")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("download-start-again")).ToBeVisibleAsync();
        Assert.Equal(0, await Page.GetByTestId("download-again").CountAsync());
        await Expect(Page.GetByTestId("download-back")).ToHaveAttributeAsync("href", "/meetings");
    }
}
