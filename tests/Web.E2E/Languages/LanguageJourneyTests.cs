using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// A reader whose browser asks for Chinese: signs in, lists the meetings, opens one, reads its phone calls in words,
/// downloads it and gets a Chinese workbook under an ASCII name.
/// </summary>
public sealed class ChineseJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    protected override string Locale => "zh-CN";

    [Fact]
    public async Task A_Chinese_reader_lists_the_meetings_opens_one_and_downloads_it_in_Chinese()
    {
        // Arrange
        var dataset = Server.Services.GetRequiredService<SimulatorDataset>();
        var day = new DateOnly(2025, 6, 12);
        // A room with a Latin name: the file name carries the room's own name, which no language translates.
        var latinRooms = dataset.Rooms.Where(room => room.Name.All(char.IsAscii)).Select(room => room.HostId).ToHashSet();
        var meeting = dataset.MeetingsBetween(day, day).First(candidate => latinRooms.Contains(candidate.HostId) && candidate.Telephony.Any(call => call.Type == "call-in"));
        var meetings = new MeetingsPage(Page);

        // Act: sign in on the Chinese sign-in page.
        await Page.GotoAsync(SignInPage.Path.TrimStart('/'));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "登录 UMeeting 报表" })).ToBeVisibleAsync();
        await Page.GetByLabel("用户名", new() { Exact = true }).FillAsync(DemoAccount.UserName);
        await Page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccount.Password);
        await Page.RunAndWaitForPageAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync());

        // Act: the day's meetings, by the Chinese form.
        await Page.GetByLabel("开始日期", new() { Exact = true }).FillAsync("2025-06-12");
        await Page.GetByLabel("结束日期", new() { Exact = true }).FillAsync("2025-06-12");
        await Page.GetByLabel("搜索会议", new() { Exact = true }).FillAsync(meeting.Uuid);
        await Page.RunAndWaitForPageAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "查询会议", Exact = true }).ClickAsync());
        await Expect(meetings.Rows).ToHaveCountAsync(1);
        await meetings.OpenMeetingAsync(0);

        // Assert: the meeting page in Chinese, the call types in words.
        Assert.Equal("zh-CN", await Page.Locator("html").GetAttributeAsync("lang"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "会议", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("telephony-type").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(呼入|呼出|回拨)$"));
        await Expect(Page.GetByTestId("telephony-type").And(Page.Locator("[data-value='call-in']")).First).ToHaveTextAsync("呼入");

        // Act: the meeting's own download.
        var file = await new ReportDownloads(Page).SaveExcelAsync();
        using var workbook = file.OpenWorkbook();

        // Assert: a Chinese workbook under an ASCII name.
        Assert.True(file.Name.All(char.IsAscii), file.Name);
        Assert.StartsWith("umeeting-meetings_2025-06-12_2025-06-12", file.Name, StringComparison.Ordinal);
        Assert.Equal(["概要", "会议", "入会记录", "电话", "参会人汇总", "会议室", "每日", "按呼叫类型统计"], workbook.Worksheets.Select(sheet => sheet.Name));
        Assert.Equal("简体中文", SummaryValue(workbook, "语言"));
        Assert.Equal(meeting.Uuid, SummaryValue(workbook, "会议记录（uuid）"));
        var calls = workbook.Worksheet("电话");
        var type = calls.Row(1).CellsUsed().Single(cell => cell.GetString() == "类型").Address.ColumnNumber;
        Assert.Contains("呼入", calls.Column(type).CellsUsed().Skip(1).Select(cell => cell.GetString()));
        Assert.Empty(BrowserErrors);
    }

    private static string SummaryValue(XLWorkbook workbook, string item) =>
        workbook.Worksheet("概要").RowsUsed().Single(row => row.Cell(1).GetString() == item).Cell(2).GetString();
}

/// <summary>
/// A reader whose browser asks for English switches to Chinese in the navigation, keeps it from page to page
/// (the cookie wins over the browser's English), and switches back.
/// </summary>
public sealed class EnglishJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task An_English_reader_switches_to_Chinese_keeps_it_across_pages_and_switches_back()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var telephony = new TelephonyPage(Page);
        await telephony.OpenAsync("?from=2025-06-01&to=2025-06-15");
        await Expect(telephony.TypeRows.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var address = Page.Url;
        await Expect(Page.GetByTestId("nav-telephony")).ToHaveTextAsync("Telephony");
        await Expect(Page.GetByTestId("type-name").First).ToHaveTextAsync("Call-in");

        // Act
        await Page.RunAndWaitForPageAsync(() => Page.GetByTestId("language-zh-CN").ClickAsync());

        // Assert: the same page, with its filters, now in Chinese.
        Assert.Equal(address, Page.Url);
        Assert.Equal("zh-CN", await Page.Locator("html").GetAttributeAsync("lang"));
        await Expect(Page.GetByTestId("nav-telephony")).ToHaveTextAsync("电话");
        await Expect(Page.GetByTestId("type-name").First).ToHaveTextAsync("呼入");
        await Expect(Page.GetByTestId("language-zh-CN")).ToHaveAttributeAsync("aria-pressed", "true");

        // Act: another page; the browser still asks for English.
        var rooms = await Page.RunAndWaitForPageAsync(() => Page.GetByTestId("nav-rooms").ClickAsync());

        // Assert
        Assert.Equal("zh-CN", await rooms.HeaderValueAsync("content-language"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "会议室", Exact = true })).ToBeVisibleAsync();

        // Act
        await Page.RunAndWaitForPageAsync(() => Page.GetByTestId("language-en").ClickAsync());

        // Assert
        Assert.Equal("en", await Page.Locator("html").GetAttributeAsync("lang"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rooms", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("nav-meetings")).ToHaveTextAsync("Meetings");
        Assert.Empty(BrowserErrors);
    }
}
