using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Archive;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Archive;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Meetings;

/// <summary>
/// The app on an archive of its own (these tests write into it), on a clock stopped at the simulator's "now" that a
/// test may move on.
/// </summary>
public sealed class KeptPagesServer() : ClockedServer(ArchiveScheduleServer.SimulatorNow);

/// <summary>
/// /meetings keeps what it shows of its report rendered (KeptRendering): what is kept never outlives what it shows,
/// and what changes with every request is still said afresh.
/// </summary>
public sealed class KeptMeetingsPageHttpTests(KeptPagesServer server)
    : SignedInHttpTest<KeptPagesServer>(server), IClassFixture<KeptPagesServer>
{
    [Fact]
    public async Task A_month_written_again_shows_its_new_copy_on_the_same_address_at_once()
    {
        // Arrange
        const string april = "/meetings?from=2025-04-01&to=2025-04-30";
        await Session.GetGatheredPageAsync(april);
        var (_, kept) = await Session.GetPageAsync(april);
        var uuid = FirstUuid(kept);
        var keptTopic = TopicOf(kept, uuid);

        // A new copy of April in which that meeting has another topic, as the synchroniser writes one: its rows and the
        // window's completion time together, then this instance's snapshot of the windows told.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ArchiveContext>();
            var meeting = await context.Meetings.SingleAsync(row => row.Uuid == uuid, TestContext.Current.CancellationToken);
            meeting.Topic = "A topic of the new copy";
            var window = await context.MonthWindows.SingleAsync(row => row.Month == new DateOnly(2025, 4, 1), TestContext.Current.CancellationToken);
            window.CompletedAt = window.CompletedAt!.Value.AddMinutes(1);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Server.Services.GetRequiredService<HeldMonths>().Invalidate();

        // Act
        var (status, after) = await Session.GetPageAsync(april);

        // Assert
        Assert.NotEqual("", uuid);
        Assert.NotEqual("A topic of the new copy", keptTopic);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("A topic of the new copy", TopicOf(after, uuid));
    }

    [Fact]
    public async Task The_same_address_asked_in_the_other_language_is_shown_in_that_language()
    {
        // Arrange
        const string may = "/meetings?from=2025-05-01&to=2025-05-31";
        await Session.GetGatheredPageAsync(may);
        var (_, english) = await Session.GetPageAsync(may);

        // Act
        Session.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var (status, chinese) = await Session.GetPageAsync(may);

        // Assert
        Assert.Contains("Show meetings", english, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("查询会议", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("Show meetings", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("The whole period", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_datas_age_is_said_afresh_on_every_request_while_the_table_is_kept()
    {
        // Arrange
        const string march = "/meetings?from=2025-03-01&to=2025-03-31";
        await Session.GetGatheredPageAsync(march);
        var (_, kept) = await Session.GetPageAsync(march);

        // Act
        Server.Clock.Advance(TimeSpan.FromMinutes(10));
        var (status, later) = await Session.GetPageAsync(march);

        // Assert
        Assert.StartsWith("Data as of 15:00, just now", Hooks.Text(kept, "data-as-of"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Data as of 15:00, 10 min ago", Hooks.Text(later, "data-as-of"), StringComparison.Ordinal);
        Assert.Equal(Hooks.Rows(kept, "meeting-row"), Hooks.Rows(later, "meeting-row"));
    }

    private static string FirstUuid(string html) => Hooks.RowUuid(Hooks.Rows(html, "meeting-row")[0]);

    private static string? TopicOf(string html, string uuid) =>
        Hooks.Text(Hooks.Rows(html, "meeting-row").Single(row => row.Contains($"data-uuid=\"{WebUtility.HtmlEncode(uuid)}\"", StringComparison.Ordinal)), "meeting-link");
}
