using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>
/// A background download's file stays until the job expires: its page reloaded after the file was saved (a save that
/// failed, or a second copy wanted) still offers it, says until when in the reader's language, and gives the same
/// file again. Issue 13: once the job is gone, its page says so instead of a bare 404 and offers the same download
/// again (same period, same room), which leads to a new job and a new file.
/// </summary>
public sealed class DownloadAgainJourneyTests(SlowExportServer server, BrowserFixture browser)
    : BrowserTest(server, browser), IClassFixture<SlowExportServer>
{
    private const string Export = "/export?from=2024-10-01&to=2024-11-30";

    [Theory]
    [InlineData("en", "You can download it again, as often as you need, until ")]
    [InlineData("zh-CN", "之前可以随时再次下载，次数不限；之后文件将从服务器删除。")]
    public async Task A_download_page_reloaded_after_its_file_was_saved_still_offers_the_same_file_and_says_until_when(string language, string kept)
    {
        // Arrange: signed in, in the language of the reader.
        await SignInAsDemoAdminAsync();
        await Navigation.RunAndWaitForPageAsync(Page, () => Page.GetByTestId($"language-{language}").ClickAsync());
        var job = new DownloadJobPage(Page);
        await job.OpenAsync(Export);
        var first = await job.SaveWhenReadyAsync(TimeSpan.FromSeconds(90));
        var firstAddress = new Uri(Page.Url);

        // Act: the page reloaded once the file is saved, and its file saved again.
        var reloaded = await Page.ReloadAsync();
        var second = await job.SaveWhenReadyAsync(TimeSpan.FromSeconds(10));

        // Assert: the same page and the same bytes, and no error on the way.
        Assert.Equal(200, reloaded!.Status);
        Assert.Equal(firstAddress, new Uri(Page.Url));
        await Expect(Page.GetByTestId("download-kept")).ToContainTextAsync(kept);
        Assert.Equal(0, await Page.GetByTestId("download-gone").CountAsync());
        Assert.Equal(first.Name, second.Name);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task Asking_again_for_a_file_already_saved_gives_the_same_file()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var job = new DownloadJobPage(Page);
        await job.OpenAsync(Export);
        var fileAddress = await job.Ready.GetAttributeAsync("href", new() { Timeout = 90_000 });
        var saved = await job.SaveWhenReadyAsync(TimeSpan.FromSeconds(90));

        // Act: the file's address asked again with the browser's cookies (a bookmark, a second tab).
        var again = await Page.Context.APIRequest.GetAsync(fileAddress!);

        // Assert
        Assert.Equal(200, again.Status);
        Assert.Equal(saved.Bytes, await again.BodyAsync());
    }

    [Theory]
    [InlineData("en", "This download is no longer here", "Make the file again")]
    [InlineData("zh-CN", "此下载已不存在", "重新生成文件")]
    public async Task An_expired_downloads_page_says_so_and_makes_the_same_file_again(string language, string heading, string again)
    {
        // Arrange: signed in, in the language of the reader; the address of a job that is gone, with its filters, as
        // every job's address carries them (this server keeps a job 30 minutes: no test waits that long).
        await SignInAsDemoAdminAsync();
        await Navigation.RunAndWaitForPageAsync(Page, () => Page.GetByTestId($"language-{language}").ClickAsync());
        var job = new DownloadJobPage(Page);

        // Act
        var gone = await Page.GotoAsync("/downloads/0123456789abcdef0123456789abcdef?from=2024-10-01&to=2024-11-30&format=xlsx");

        // Assert: a 404 that says why, in the reader's language, and offers the same download.
        Assert.Equal(404, gone!.Status);
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        var offer = Page.GetByTestId("download-again");
        await Expect(offer).ToHaveTextAsync(again);
        Assert.Equal("/export?from=2024-10-01&to=2024-11-30&format=xlsx", await offer.GetAttributeAsync("href"));

        // Act: the offer taken.
        await job.OpenFromAsync(offer);
        var made = await job.SaveWhenReadyAsync(TimeSpan.FromSeconds(90));

        // Assert: a new job of the same download, and its file (the second sheet, the meetings, named in the reader's language).
        Assert.Equal("umeeting-meetings_2024-10-01_2024-11-30.xlsx", made.Name);
        using var workbook = made.OpenWorkbook();
        Assert.True(workbook.Worksheet(2).DataRows() > 0, "The workbook made again holds no meeting.");
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
