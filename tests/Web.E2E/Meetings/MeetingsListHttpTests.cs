using System.Net;
using System.Text.RegularExpressions;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Meetings;

/// <summary>/meetings' rows over real HTTP: the topic leads into the meeting; the record and room ids stay out of the way.</summary>
public sealed partial class MeetingsListHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private const string May = "from=2025-05-01&to=2025-05-31";

    [Fact]
    public async Task Each_rows_topic_links_to_its_own_meeting_and_no_column_shows_the_record_id()
    {
        // Arrange
        var room = Dataset.Rooms[1];

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&host_id={room.HostId}&page_size=30");
        var rows = Hooks.Rows(html, "meeting-row");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(30, rows.Count);
        Assert.DoesNotContain("Record (uuid)", html, StringComparison.Ordinal);
        Assert.Equal(0, Hooks.Count(html, "meeting-uuid"));
        foreach (var row in rows)
        {
            var uuid = Hooks.RowUuid(row);
            var truth = Dataset.MeetingsBetween(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), room.HostId).Single(meeting => meeting.Uuid == uuid);
            Assert.Equal(1, Hooks.Count(row, "meeting-link"));
            Assert.Contains("uuid=" + Uri.EscapeDataString(uuid), Hooks.Href(row, "meeting-link"), StringComparison.Ordinal);
            Assert.Equal(truth.Topic, LinkText(row));
            Assert.DoesNotContain(uuid, Regex.Replace(row, "<tr[^>]*>|href=\"[^\"]*\"", ""), StringComparison.Ordinal);
            Assert.Equal($"Room id: {room.HostId}", RoomTooltip(row));
            Assert.DoesNotContain(room.HostId, CellText(row, "meeting-room"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/meetings", "meeting-row")]
    [InlineData("/participants", "participant-summary-row")]
    public async Task A_bookmarked_page_size_the_form_does_not_offer_is_the_one_the_form_keeps(string page, string row)
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync($"{page}?{May}&page_size=25");

        // Assert: 25 rows, and the form's select holds 25, chosen, among the sizes it offers.
        var select = Regex.Match(html, @"<select[^>]*data-testid=""filter-page_size"".*?</select>", RegexOptions.Singleline).Value;
        Assert.Equal(25, Hooks.Count(html, row));
        Assert.Equal(["10", "25", "30", "50", "100", "300"], Regex.Matches(select, @"<option value=""(\d+)""").Select(option => option.Groups[1].Value));
        Assert.Matches(@"<option value=""25"" selected=""selected"">", select);
    }

    [Fact]
    public async Task Without_the_licences_configured_the_overflow_share_makes_no_claim_about_licences()
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(Hooks.Text(html, "kpi-overflow-share"));
        Assert.Equal(0, Hooks.Count(html, "kpi-licences"));
        Assert.DoesNotContain("licences needed", html, StringComparison.Ordinal);
        Assert.Contains("of all meetings", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_ordered_by_a_column_it_does_not_show_says_so_and_which_switch_shows_it()
    {
        // Act
        var (status, hidden) = await Session.GetGatheredPageAsync($"/meetings?{May}&sort=phone_cost&dir=desc");
        var (_, shown) = await Session.GetGatheredPageAsync($"/meetings?{May}&sort=phone_cost&dir=desc&show_telephony_usage=true");
        var (_, byParticipants) = await Session.GetGatheredPageAsync($"/meetings?{May}&sort=participants&dir=asc");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Hooks.Count(hidden, "column-phone_cost"));
        Assert.Equal("Sorted by “Phone cost”, highest first, which this list does not show: switch on “Phone usage” above to see it.", Hooks.Text(hidden, "hidden-sort"));
        Assert.Equal(1, Hooks.Count(shown, "column-phone_cost"));
        Assert.Equal(0, Hooks.Count(shown, "hidden-sort"));
        Assert.Equal("Sorted by “People”, lowest first, which this list does not show: switch on “People” above to see it.", Hooks.Text(byParticipants, "hidden-sort"));
    }

    /// <summary>The link's text as a screen reader gets it: its markup decoded (a topic's own line breaks kept).</summary>
    private static string LinkText(string row) =>
        WebUtility.HtmlDecode(MeetingLink().Match(row).Groups["text"].Value);

    private static string RoomTooltip(string row) =>
        WebUtility.HtmlDecode(Regex.Match(row, @"data-testid=""meeting-room""[^>]*title=""(?<title>[^""]*)""").Groups["title"].Value);

    private static string CellText(string row, string testId) =>
        WebUtility.HtmlDecode(Regex.Match(row, $@"data-testid=""{testId}""[^>]*>(?<text>.*?)</td>", RegexOptions.Singleline).Groups["text"].Value);


    [GeneratedRegex(@"data-testid=""meeting-link""[^>]*>(?<text>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex MeetingLink();
}
