using System.Net;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Archive;

/// <summary>
/// /archive over HTTP on an app whose schedule fills the archive from the simulator: every month from Archive:Since
/// to the simulator's today, with the simulator's own meetings as the figures to match.
/// </summary>
public sealed class ArchivePageHttpTests(ScheduledArchiveServer server)
    : SignedInHttpTest<ScheduledArchiveServer>(server), IClassFixture<ScheduledArchiveServer>
{
    [Fact]
    public async Task After_the_schedule_ran_every_month_from_since_to_today_is_synced_with_the_simulators_meetings()
    {
        // Arrange
        var expected = ArchiveScheduleServer.Months
            .Select(month => (ArchivePage.Month(month), "synced", Dataset.MeetingsBetween(month, Last(month)).Count))
            .ToList();

        // Act
        var html = await ArchivePage.WaitUntilAsync(Session, rows => rows.Count > 0 && rows.All(row => row.State == "synced"));
        var rows = ArchivePage.Rows(html);

        // Assert
        Assert.Equal(expected, rows.Select(row => (row.Month, row.State, row.Records)).ToList());
        Assert.All(expected, month => Assert.True(month.Item3 > 0, $"The simulator has no meetings in {month.Item1}, so matching its count proves little."));
        Assert.All(rows, row => Assert.NotNull(row.CompletedAt));
        Assert.True(ArchivePage.UpstreamRequests(html) > 0, "The schedule read months, yet upstream-requests says no call was made.");
        Assert.Contains("Sqlite", html, StringComparison.Ordinal);
        Assert.Equal("on", Hooks.Value(html, "archive-schedule"));
    }

    [Fact]
    public async Task Read_this_month_again_comes_back_to_the_archive_and_the_month_ends_synced_with_a_newer_completion()
    {
        // Arrange
        var month = ArchivePage.Month(ArchiveScheduleServer.Months[1]);
        var before = (await ArchivePage.WaitUntilAsync(Session, rows => rows.Any(row => row.Month == month && row.State == "synced")))
            is var page ? ArchivePage.Rows(page).Single(row => row.Month == month) : null!;
        var requestsBefore = ArchivePage.UpstreamRequests(page);
        var token = await Session.AntiforgeryTokenAsync("/archive");
        Server.Clock.Advance(TimeSpan.FromMinutes(1));

        // Act
        using var posted = await Session.PostFormAsync("/archive", [new("month", month), new("__RequestVerificationToken", token)]);
        var html = await ArchivePage.WaitUntilAsync(Session, rows => rows.Single(row => row.Month == month) is { State: "synced" } row && row.CompletedAt > before.CompletedAt);
        var after = ArchivePage.Rows(html).Single(row => row.Month == month);

        // Assert
        Assert.Equal((HttpStatusCode.Found, "/archive?read=" + month), (posted.StatusCode, posted.Headers.Location?.OriginalString));
        Assert.Equal(("synced", before.Records), (after.State, after.Records));
        Assert.True(after.CompletedAt > before.CompletedAt, $"Completed at {after.CompletedAt:O}, not after {before.CompletedAt:O}.");
        Assert.True(ArchivePage.UpstreamRequests(html) > requestsBefore, "The month was read again without a call to the meeting service.");
    }

    [Fact]
    public async Task Read_this_month_again_without_the_antiforgery_token_is_refused_and_reads_nothing()
    {
        // Arrange
        var month = ArchivePage.Month(ArchiveScheduleServer.Months[^1]);

        // Act
        using var posted = await Session.PostFormAsync("/archive", [new("month", month)]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-07")]
    [InlineData("1999-12")]
    [InlineData("2025-6")]
    [InlineData("last month")]
    public async Task Read_this_month_again_for_a_month_that_is_not_one_or_lies_ahead_is_refused_on_the_archive_page_with_the_reason(string month)
    {
        // Arrange
        var token = await Session.AntiforgeryTokenAsync("/archive");

        // Act
        using var posted = await Session.PostFormAsync("/archive", [new("month", month), new("__RequestVerificationToken", token)]);
        var html = await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert: the archive's own page, its months listed, the month quoted and the form it must take.
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal($"“{month}” is not a month that can be read: give one as year-month (2026-11), from 2000-01 up to this month.", Hooks.Text(html, "error-month"));
        Assert.NotEmpty(ArchivePage.Rows(html));
        Assert.DoesNotContain(ArchivePage.Rows(html), row => row.Month == month);
    }

    [Fact]
    public async Task The_page_a_read_comes_back_to_says_how_the_read_ended_and_an_old_or_made_up_address_says_nothing()
    {
        // Arrange: the oldest month, read by the schedule more than ten minutes before.
        var month = ArchivePage.Month(ArchiveScheduleServer.Months[^1]);
        var page = await ArchivePage.WaitUntilAsync(Session, rows => rows.Any(row => row.Month == month && row.State == "synced"));
        var before = ArchivePage.Rows(page).Single(row => row.Month == month);
        Server.Clock.Advance(TimeSpan.FromMinutes(11));

        // Act
        var (_, old) = await Session.GetPageAsync("/archive?read=" + month);
        var (_, madeUp) = await Session.GetPageAsync("/archive?read=1999-01");
        var token = await Session.AntiforgeryTokenAsync("/archive");
        using var posted = await Session.PostFormAsync("/archive", [new("month", month), new("__RequestVerificationToken", token)]);
        await ArchivePage.WaitUntilAsync(Session, rows => rows.Single(row => row.Month == month) is { State: "synced" } row && row.CompletedAt > before.CompletedAt);
        var (_, done) = await Session.GetPageAsync(posted.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal(0, Hooks.Count(old, "archive-read-started"));
        Assert.Equal(0, Hooks.Count(madeUp, "archive-read-started"));
        Assert.StartsWith($"{month} was last read at ", Hooks.Text(done, "archive-read-started"), StringComparison.Ordinal);
        Assert.Contains($@"data-testid=""archive-read-started"" data-month=""{month}"" data-state=""synced""", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readiness_check_says_the_archive_answered()
    {
        // Act
        var (status, text) = await Session.GetPageAsync("/healthz/ready");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Healthy\n", text, StringComparison.Ordinal);
        Assert.Matches(@"umeeting-archive: Healthy: The archive \(the SQLite file [^)]+\.db\) answered in \d+ ms\.", text);
    }

    private static DateOnly Last(DateOnly month)
    {
        var last = month.AddMonths(1).AddDays(-1);
        return last < MeetingReportsServer.SimulatorToday ? last : MeetingReportsServer.SimulatorToday;
    }
}
