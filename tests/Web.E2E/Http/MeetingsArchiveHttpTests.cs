using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>/meetings served from the archive: sorting, search, one person's meetings and freshness, over real HTTP.</summary>
public sealed class MeetingsArchiveHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private const string May = "from=2025-05-01&to=2025-05-31";

    [Fact]
    public async Task Every_sort_link_keeps_every_filter_and_starts_again_from_the_first_page()
    {
        // Arrange
        var room = Dataset.Rooms[2].HostId;
        var query = $"/meetings?{May}&host_id={room}&show_participants=true&show_telephony_usage=true&q=e&page_size=10&page_number=2";

        // Act
        var (status, html) = await Session.GetGatheredPageAsync(query);
        var link = Hooks.Href(html, "sort-phone_cost")!;
        var fields = QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), link).Query);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2025-05-01", fields["from"]);
        Assert.Equal("2025-05-31", fields["to"]);
        Assert.Equal(room, fields["host_id"]);
        Assert.Equal("true", fields["show_participants"]);
        Assert.Equal("true", fields["show_telephony_usage"]);
        Assert.Equal("e", fields["q"]);
        Assert.Equal("phone_cost", fields["sort"]);
        Assert.Equal("desc", fields["dir"]);
        Assert.Equal("10", fields["page_size"]);
        Assert.False(fields.ContainsKey("page_number"));
        Assert.Equal("descending", AriaSortOf(html, "column-start_time"));
    }

    [Fact]
    public async Task Sorted_by_topic_the_pager_keeps_the_sort_and_the_rows_follow_it()
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&sort=topic&dir=asc&page_size=10");
        var next = Hooks.Href(html, "pager-next")!;

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("sort=topic", next, StringComparison.Ordinal);
        Assert.Contains("dir=asc", next, StringComparison.Ordinal);
        Assert.Equal("ascending", AriaSortOf(html, "column-topic"));
        Assert.Equal(
            Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31)).OrderBy(meeting => meeting.Topic, TextOrder.For(CultureInfo.GetCultureInfo("en"))).ThenBy(meeting => meeting.Uuid, StringComparer.Ordinal).Take(10).Select(meeting => meeting.Uuid),
            Hooks.Rows(html, "meeting-row").Select(Hooks.RowUuid));
    }

    [Fact]
    public async Task A_search_and_a_participant_round_trip_in_the_links_of_the_list()
    {
        // Arrange
        var name = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31)).SelectMany(meeting => meeting.Participants).First().Name;
        var expected = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31))
            .Where(meeting => meeting.Participants.Any(participant => participant.Name == name))
            .OrderByDescending(meeting => meeting.Start).ThenBy(meeting => meeting.Uuid, StringComparer.Ordinal).Take(10).Select(meeting => meeting.Uuid).ToList();

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&q=%E4%BC%9A&participant={Uri.EscapeDataString(name)}&page_size=10");
        var sortLink = QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), Hooks.Href(html, "sort-start_time")!).Query);
        var meetingLink = QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), Hooks.Href(html, "meeting-link") ?? "/meeting").Query);
        var (allStatus, allHtml) = await Session.GetGatheredPageAsync($"/meetings?{May}&participant={Uri.EscapeDataString(name)}&page_size=10");

        // Assert
        Assert.True(status is HttpStatusCode.OK, $"status {status}");
        Assert.Equal("会", sortLink["q"]);
        Assert.Equal(name, sortLink["participant"]);
        if (Hooks.Count(html, "meeting-row") > 0)
        {
            Assert.Equal(name, meetingLink["back_participant"]);
        }

        Assert.Equal(HttpStatusCode.OK, allStatus);
        Assert.Equal(expected, Hooks.Rows(allHtml, "meeting-row").Select(Hooks.RowUuid));
        Assert.Contains(name, Hooks.Text(allHtml, "filter-participant"), StringComparison.Ordinal);
        Assert.Equal($"/meetings?from=2025-05-01&to=2025-05-31&page_size=10", Hooks.Href(allHtml, "clear-participant"));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_no_meeting_matches_and_never_that_none_took_place()
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&q=zzz-no-such-thing");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Hooks.Count(html, "meeting-row"));
        Assert.StartsWith("No meeting matches “zzz-no-such-thing” in any room from 2025-05-01 to 2025-05-31.", Hooks.Text(html, "no-match"), StringComparison.Ordinal);
        Assert.DoesNotContain("No meetings took place", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_id_pasted_unencoded_is_found_though_its_plus_arrived_as_a_space()
    {
        // Arrange: a record id of May with a "+", written into the address as it is, so the "+" reads as a space.
        var record = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31)).First(meeting => meeting.Uuid.Contains('+', StringComparison.Ordinal)).Uuid;

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&q={record}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([record], Hooks.Rows(html, "meeting-row").Select(Hooks.RowUuid));
    }

    [Fact]
    public async Task A_search_of_nothing_visible_is_no_search()
    {
        // Act: a zero-width space alone, as pasted from a chat.
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&q=%E2%80%8B&page_size=10");
        var (_, whole) = await Session.GetGatheredPageAsync($"/meetings?{May}&page_size=10");

        // Assert: the whole period's list, not "meetings matching “”".
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Hooks.Text(whole, "total-record"), Hooks.Text(html, "total-record"));
        Assert.DoesNotContain("matching “", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_of_a_search_that_finds_nothing_says_that_nothing_matches_not_that_the_period_is_empty()
    {
        // Act
        using var response = await Session.GetAsync($"/meetings?{May}&q=zzz-no-such-thing&page_number=2");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Page 2 does not exist: no meeting matches.", Hooks.Text(html, "error-page_number"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_id_with_a_search_that_excludes_it_says_both_were_asked_and_links_to_the_record_alone()
    {
        // Arrange: a record of May, and a search it does not match.
        var record = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31))[0].Uuid;

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&uuid={Uri.EscapeDataString(record)}&q=zzz-no-such-thing");
        var (_, alone) = await Session.GetGatheredPageAsync(Hooks.Href(html, "record-alone")!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith($"2025-05-01 – 2025-05-31: no meeting of any room has the record id “{record}” and also matches “zzz-no-such-thing”.", Hooks.Text(html, "no-match"), StringComparison.Ordinal);
        Assert.Equal([record], Hooks.Rows(alone, "meeting-row").Select(Hooks.RowUuid));
    }

    [Fact]
    public async Task A_record_id_without_a_period_opens_the_list_of_the_day_the_archive_holds_it_on()
    {
        // Arrange: a record of May 2025 (held once May is read), and the old uuid box's address without its days.
        var record = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31))[3];
        await Session.GetGatheredPageAsync($"/meetings?{May}");
        var day = DateOnly.FromDateTime(record.Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        using var response = await Session.GetAsync($"/meetings?uuid={Uri.EscapeDataString(record.Uuid)}&page_size=50");
        var (status, html) = await Session.GetGatheredPageAsync(response.Headers.Location!.OriginalString);

        // Assert: that day's list with the record, the day now in the address and the other fields kept.
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.OriginalString.Split('?')[1]);
        Assert.Equal((day, day, record.Uuid, "50"), (query["from"].ToString(), query["to"].ToString(), query["uuid"].ToString(), query["page_size"].ToString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([record.Uuid], Hooks.Rows(html, "meeting-row").Select(Hooks.RowUuid));
    }

    [Fact]
    public async Task A_record_id_without_a_period_that_the_archive_does_not_hold_stays_on_today_and_says_the_record_is_not_in_it()
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync("/meetings?uuid=zzz");

        // Assert: today's list (no redirect), which says the record is not in it.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(": no meeting of any room has the record id “zzz”.", Hooks.Text(html, "no-match"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uuid=zzz", "2025-05-01 – 2025-05-31: no meeting of any room has the record id “zzz”.")]
    [InlineData("participant=Nobody%20Here", "2025-05-01 – 2025-05-31: “Nobody Here” joined no meeting of any room.")]
    public async Task A_record_id_or_a_person_that_finds_nothing_says_so_and_never_that_no_meeting_took_place(string filter, string said)
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&{filter}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Hooks.Count(html, "meeting-row"));
        Assert.StartsWith(said, Hooks.Text(html, "no-match"), StringComparison.Ordinal);
        Assert.DoesNotContain("No meetings took place", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_of_settled_months_says_its_figures_no_longer_change_and_one_with_this_month_does_not()
    {
        // Act: April and May 2025 were read long after they ended (this server's clock is today's); the default
        // period is today, whose month is still read again every few minutes.
        var (_, settled) = await Session.GetGatheredPageAsync("/meetings?from=2025-04-20&to=2025-05-10");
        var (_, settledRooms) = await Session.GetGatheredPageAsync("/rooms?from=2025-04-20&to=2025-05-10");
        var (_, current) = await Session.GetGatheredPageAsync("/meetings");

        // Assert
        Assert.Equal("· settled: these figures no longer change", Hooks.Text(settled, "data-final"));
        Assert.Equal("· settled: these figures no longer change", Hooks.Text(settledRooms, "data-final"));
        Assert.Equal((1, 0), (Hooks.Count(current, "data-as-of"), Hooks.Count(current, "data-final")));
    }

    [Fact]
    public async Task The_page_says_how_fresh_it_is_the_oldest_completion_of_the_months_it_read()
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync("/meetings?from=2025-04-20&to=2025-05-10");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        await using var scope = Server.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ArchiveContext>();
        var completions = await context.MonthWindows.AsNoTracking()
            .Where(window => window.Month == new DateOnly(2025, 4, 1) || window.Month == new DateOnly(2025, 5, 1))
            .Select(window => window.CompletedAt)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, completions.Count);
        var oldest = completions.Min()!.Value;
        var shown = DateTimeOffset.Parse(Hooks.Value(html, "data-as-of")!, CultureInfo.InvariantCulture);
        Assert.Equal(oldest, shown.DateTime);
        Assert.StartsWith("Data as of", Hooks.Text(html, "data-as-of"), StringComparison.Ordinal);
    }

    private static string? AriaSortOf(string html, string testId) =>
        System.Text.RegularExpressions.Regex.Match(html, $@"aria-sort=""(?<sort>[^""]+)"" data-testid=""{testId}""").Groups["sort"] is { Success: true } group ? group.Value : null;
}
