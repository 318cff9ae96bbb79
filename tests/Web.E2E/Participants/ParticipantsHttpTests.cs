using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;
using UMeetingReports.Web.E2E.MeetingDetail;

namespace UMeetingReports.Web.E2E.Participants;

/// <summary>/participants read as a bookmark over real HTTP as the demo admin, checked against the simulator's records.</summary>
public sealed class ParticipantsHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private static readonly DateOnly From = new(2025, 5, 1);
    private static readonly DateOnly To = new(2025, 5, 31);
    private const string May = "from=2025-05-01&to=2025-05-31";

    private static readonly string[] SummaryColumns =
        ["participant-meetings", "participant-sessions", "participant-connected", "participant-first-seen", "participant-last-seen", "participant-rooms"];

    [Fact]
    public async Task A_month_sums_every_meeting_the_simulator_holds_for_it_and_for_one_room_that_rooms_meetings()
    {
        // Arrange
        var room = Dataset.Rooms[2].HostId;

        // Act
        var (status, html) = await Session.GetPageAsync("/participants?" + May);
        var (roomStatus, roomHtml) = await Session.GetPageAsync($"/participants?{May}&host_id={room}");

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status, roomStatus));
        Assert.Equal(Dataset.MeetingsBetween(From, To).Count.ToString(CultureInfo.InvariantCulture), Hooks.Value(html, "meetings-summed"));
        Assert.Equal(Dataset.MeetingsBetween(From, To, room).Count.ToString(CultureInfo.InvariantCulture), Hooks.Value(roomHtml, "meetings-summed"));
    }

    [Fact]
    public async Task A_name_searched_in_other_letter_case_shows_that_persons_meetingsSessions_time_and_rooms_from_the_simulator()
    {
        // Arrange: the busiest Latin-lettered name of May, and what the simulator holds for it.
        var meetings = SimulatorTruth.Ended(Dataset, From, To).ToList();
        var name = meetings.SelectMany(meeting => meeting.Participants.Select(row => row.Name).Distinct())
            .Where(candidate => candidate.All(character => char.IsAsciiLetter(character) || character == ' '))
            .GroupBy(candidate => candidate, StringComparer.Ordinal)
            .MaxBy(group => group.Count())!.Key;
        var attended = meetings.Where(meeting => meeting.Participants.Any(row => row.Name == name)).ToList();
        var rows = attended.SelectMany(meeting => meeting.Participants.Where(row => row.Name == name)).ToList();
        var expected = new[]
        {
            attended.Count.ToString(CultureInfo.InvariantCulture),
            rows.Count.ToString(CultureInfo.InvariantCulture),
            attended.Sum(meeting => SimulatorTruth.People(meeting)[name].ConnectedSeconds).ToString(CultureInfo.InvariantCulture),
            Invariant(rows.Min(row => SimulatorTruth.ToSecond(row.JoinTime))),
            Invariant(rows.Max(row => SimulatorTruth.ToSecond(row.LeaveTime!.Value))),
            attended.Select(meeting => meeting.HostId).Distinct().Count().ToString(CultureInfo.InvariantCulture),
        };

        // Act
        var (status, html) = await Session.GetPageAsync($"/participants?{May}&name={Uri.EscapeDataString(name.ToLowerInvariant())}&page_size=300");

        // Assert
        var found = Hooks.Rows(html, "participant-summary-row");
        var row = Assert.Single(found, candidate => Hooks.Text(candidate, "participant-name") == name);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(found, candidate => Assert.Contains(name, Hooks.Text(candidate, "participant-name")!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            expected,
            SummaryColumns.Select(column => Hooks.Value(row, column)));
    }

    [Fact]
    public async Task The_name_opens_the_persons_meetings_and_rooms_used_is_a_count_whose_folded_list_opens_them_room_by_room()
    {
        // Arrange: the busiest Latin-lettered name of May, the rooms it met in, and its meetings in each.
        var meetings = Dataset.MeetingsBetween(From, To);
        var name = meetings.SelectMany(meeting => meeting.Participants.Select(row => row.Name).Distinct())
            .Where(candidate => candidate.All(character => char.IsAsciiLetter(character) || character == ' '))
            .GroupBy(candidate => candidate, StringComparer.Ordinal)
            .MaxBy(group => group.Count())!.Key;
        var perRoom = meetings.Where(meeting => meeting.Participants.Any(row => row.Name == name))
            .GroupBy(meeting => meeting.HostId)
            .ToDictionary(room => room.Key, room => room.Count().ToString(CultureInfo.InvariantCulture));

        // Act
        var (_, html) = await Session.GetPageAsync($"/participants?{May}&name={Uri.EscapeDataString(name)}&page_size=300");
        var row = Hooks.Rows(html, "participant-summary-row").Single(candidate => Hooks.Text(candidate, "participant-name") == name);
        var links = System.Text.RegularExpressions.Regex.Matches(row, @"href=""(?<href>[^""]*)"" data-testid=""participant-room-link""")
            .Select(match => System.Net.WebUtility.HtmlDecode(match.Groups["href"].Value))
            .ToList();
        var (_, everyRoomHtml) = await Session.GetPageAsync(Hooks.Href(row, "participant-name")!);
        var found = new Dictionary<string, string>();
        foreach (var link in links)
        {
            var (status, meetingsHtml) = await Session.GetPageAsync(link);
            Assert.Equal(HttpStatusCode.OK, status);
            found[QueryHelpers.ParseQuery(link.Split('?', 2)[1])["host_id"].ToString()] = Hooks.Value(meetingsHtml, "total-record")!;
        }

        // Assert: one line, the count; the names folded (no "open"); each opens exactly that person's meetings there.
        Assert.True(perRoom.Count > 1, $"{name} met in {perRoom.Count} room(s) in May.");
        Assert.Equal($"{perRoom.Count} rooms", Hooks.Text(row, "participant-rooms-count"));
        Assert.Matches(@"<details class=""rooms-used"" data-testid=""participant-rooms-details"">", row);
        Assert.All(links, link => Assert.Equal(
            [$"from=2025-05-01", "page_size=30", $"participant={name}", "to=2025-05-31"],
            QueryOf(link).Where(pair => !pair.StartsWith("host_id=", StringComparison.Ordinal))));
        Assert.Equal(perRoom, found);
        Assert.Equal(Hooks.Value(row, "participant-meetings"), Hooks.Value(everyRoomHtml, "total-record"));
        Assert.Equal(perRoom.Values.Sum(int.Parse).ToString(CultureInfo.InvariantCulture), Hooks.Value(everyRoomHtml, "total-record"));
    }

    [Fact]
    public async Task Rows_follow_the_sort_asked_and_every_header_and_pager_link_keeps_every_filter()
    {
        // Arrange
        var room = Dataset.Rooms[0].HostId;
        var query = $"{May}&host_id={room}&name=a&sort=meetings&dir=desc&page_size=10&page_number=1";

        // Act
        var (status, html) = await Session.GetPageAsync("/participants?" + query);

        // Assert: by meetings, most first; the current column's link turns the order round and starts at page 1.
        var meetings = Hooks.Values(html, "participant-meetings").Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, meetings.Count);
        Assert.Equal(meetings.OrderDescending(), meetings);
        Assert.Equal("descending", AriaSort(html, "meetings"));
        Assert.Equal(
            ["dir=asc", "from=2025-05-01", $"host_id={room}", "name=a", "page_size=10", "sort=meetings", "to=2025-05-31"],
            QueryOf(Hooks.Href(html, "sort-meetings")));
        Assert.Equal(
            ["dir=asc", "from=2025-05-01", $"host_id={room}", "name=a", "page_size=10", "sort=name", "to=2025-05-31"],
            QueryOf(Hooks.Href(html, "sort-name")));
        Assert.Equal(
            ["dir=desc", "from=2025-05-01", $"host_id={room}", "name=a", "page_number=2", "page_size=10", "sort=meetings", "to=2025-05-31"],
            QueryOf(Hooks.Href(html, "pager-next")));
    }

    public static TheoryData<string, string, string> BadQueries => new()
    {
        { "from=2025-05-10&to=2025-05-01", "to", "The period ends before it starts" },
        { "from=2025-5-1&to=2025-05-31", "from", "Enter a date as year-month-day" },
        { "from=2023-05-01&to=2025-05-01", "to", "The period is longer than 24 months" },
        { May + "&sort=loudest", "sort", "The order in this address: Sort by one of: name, meetings, sessions, connected_time, first_seen, last_seen, rooms." },
        { May + "&dir=up", "dir", "The order in this address: Use asc or desc." },
        { May + "&page_size=5", "page_size", "A page size of 5 is not offered: choose one from 10 to 300." },
        { May + "&page_number=0", "page_number", "Enter a whole page number of 1 or more." },
        { May + "&host_id=no-such-room", "host_id", "No room of this account has the id “no-such-room”." },
        { May + "&name=" + new string('x', 201), "name", "This value is longer than 200 characters." },
        { May + "&name=a%1Bb", "name", "This value contains control characters." },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_value_comes_back_as_a_message_beside_its_field_with_status_400(string query, string field, string message)
    {
        // Act
        var (status, html) = await Session.GetPageAsync("/participants?" + query);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(message, Hooks.Text(html, "error-" + field), StringComparison.Ordinal);
        Assert.Equal(0, Hooks.Count(html, "participant-summary-row"));
        Assert.Equal(1, Hooks.Count(html, "filter-form"));
    }

    [Fact]
    public async Task A_page_past_the_last_is_a_400_that_says_how_many_pages_there_are()
    {
        // Arrange
        var (_, first) = await Session.GetPageAsync($"/participants?{May}&page_size=10");
        var pages = Hooks.Value(first, "total-page");

        // Act
        var (status, html) = await Session.GetPageAsync($"/participants?{May}&page_size=10&page_number=99");

        // Assert
        Assert.True(int.Parse(pages!, CultureInfo.InvariantCulture) > 1, $"The month has {pages} page(s) of ten names.");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"Page 99 does not exist: the list has {pages} pages.", Hooks.Text(html, "error-page_number"));
    }

    private static string? AriaSort(string html, string key) =>
        System.Text.RegularExpressions.Regex.Match(html, $@"aria-sort=""(?<sort>[a-z]+)"" data-testid=""column-{key}""") is { Success: true } match
            ? match.Groups["sort"].Value
            : null;

    private static IEnumerable<string> QueryOf(string? href) =>
        QueryHelpers.ParseQuery((href ?? throw new InvalidOperationException("No link.")).Split('#', 2)[0].Split('?', 2)[1])
            .Select(pair => $"{pair.Key}={pair.Value}")
            .Order(StringComparer.Ordinal);

    private static string Invariant(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
