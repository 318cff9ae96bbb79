using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;
using UMeetingReports.Web.E2E.Languages;

namespace UMeetingReports.Web.E2E.Archive;

/// <summary>/archive is for Admins: a Viewer gets the 403 page and no link to it.</summary>
[Collection(ConfiguredAccounts.Name)]
public sealed class ArchiveAccessHttpTests(AccountsServer server) : IDisposable
{
    private readonly HttpSession _session = new(server.RootUri);

    [Fact]
    public async Task A_viewer_gets_the_403_page_at_the_archive_and_no_link_to_it()
    {
        // Arrange
        await _session.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);

        // Act
        var (status, html) = await _session.GetPageAsync("/archive");
        var (_, meetings) = await _session.GetPageAsync("/rooms");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("403", Hooks.Value(html, "error-status"));
        Assert.Equal(0, Hooks.Count(html, "archive-window"));
        Assert.Equal(0, Hooks.Count(meetings, "nav-archive"));
    }

    [Fact]
    public async Task A_viewer_who_reads_Chinese_gets_the_403_page_in_Chinese()
    {
        // Arrange
        using var chinese = new HttpSession(server.RootUri);
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        await chinese.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);

        // Act
        using var response = await chinese.GetAsync("/archive");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, "zh-CN"), (response.StatusCode, response.Content.Headers.ContentLanguage.SingleOrDefault()));
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Equal("您已登录，但您的账号无权打开此页面。", Hooks.Text(html, "error-message"));
        Assert.Empty(EnglishTexts.FoundIn(EnglishTexts.TextsOf(html), [ViewerAccount.UserName]));
    }

    [Fact]
    public async Task An_admin_gets_the_archive_and_a_link_to_it()
    {
        // Arrange
        await _session.SignInAsync(DemoAccount.UserName, DemoAccount.Password);

        // Act
        var (status, html) = await _session.GetPageAsync("/archive");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Hooks.Count(html, "nav-archive"));
        Assert.Equal("off", Hooks.Value(html, "archive-schedule"));
    }

    [Fact]
    public async Task The_archive_states_its_settings_in_the_readers_language()
    {
        // Arrange
        using var chinese = new HttpSession(server.RootUri);
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        await chinese.SignInAsync(DemoAccount.UserName, DemoAccount.Password);
        await _session.SignInAsync(DemoAccount.UserName, DemoAccount.Password);

        // Act
        var (_, english) = await _session.GetPageAsync("/archive");
        var (_, inChinese) = await chinese.GetPageAsync("/archive");

        // Assert
        Assert.Matches(@"^SQLite file /\S+\.db$", Hooks.Text(english, "archive-provider"));
        Assert.Matches(@"^SQLite 文件 /\S+\.db$", Hooks.Text(inChinese, "archive-provider"));
        Assert.Equal("Sqlite", Hooks.Value(inChinese, "archive-provider"));
        Assert.Equal(("5 min", "5 分钟"), (Hooks.Text(english, "archive-refresh-interval"), Hooks.Text(inChinese, "archive-refresh-interval")));
        Assert.Equal(("2 days after it ended", "月末之后 2 天"), (Hooks.Text(english, "archive-settle-after"), Hooks.Text(inChinese, "archive-settle-after")));
        Assert.Contains("(00:05:00)", inChinese, StringComparison.Ordinal);
        Assert.Equal("300", Hooks.Value(inChinese, "archive-refresh-interval"));
    }

    public void Dispose() => _session.Dispose();
}
