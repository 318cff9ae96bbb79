using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.MeetingDetail;

/// <summary>/meeting over real HTTP as the demo admin: record ids, look-ups that fail, and the figures against the simulator.</summary>
public sealed partial class MeetingHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private static readonly DateOnly From = new(2025, 5, 1);
    private static readonly DateOnly To = new(2025, 5, 31);
    private const string May = "from=2025-05-01&to=2025-05-31";

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    public async Task A_record_id_holding_this_character_goes_encoded_from_the_list_to_its_own_page(char character)
    {
        // Arrange: a May meeting whose id holds the character, and the list narrowed to that record.
        var meeting = Dataset.MeetingsBetween(From, To).First(candidate => candidate.Uuid.Contains(character, StringComparison.Ordinal));
        var (_, list) = await Session.GetPageAsync($"/meetings?{May}&uuid={Uri.EscapeDataString(meeting.Uuid)}");
        var link = Hooks.Href(list, "meeting-link") ?? throw new InvalidOperationException("The list has no meeting link.");

        // Act
        var (status, html) = await Session.GetPageAsync(link);

        // Assert: every '+', '/' and '=' travels percent-encoded, and the page shows the very same id.
        Assert.Equal(Uri.EscapeDataString(meeting.Uuid), UuidParameter().Match(link).Groups["value"].Value);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(meeting.Uuid, Hooks.Text(html, "meeting-uuid"));
        Assert.Equal(meeting.MeetingId, Hooks.Text(html, "meeting-id"));
    }

    [Fact]
    public async Task A_record_id_pasted_with_a_bare_plus_still_opens_its_meeting()
    {
        // Arrange: a bare '+' in a query string reads as a space.
        var meeting = Dataset.MeetingsBetween(From, To).First(candidate => candidate.Uuid.Contains('+', StringComparison.Ordinal));

        // Act
        var (status, html) = await Session.GetPageAsync($"/meeting?uuid={meeting.Uuid}&{May}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(meeting.Uuid, Hooks.Text(html, "meeting-uuid"));
    }

    [Fact]
    public async Task A_record_that_is_not_in_the_period_is_a_404_naming_the_record_and_the_period_searched_in_one_sentence()
    {
        // Arrange: a real record of June, looked for in May.
        var june = Dataset.MeetingsBetween(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 2))[0];

        // Act
        var (status, html) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(june.Uuid)}&{May}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal($"No meeting with record id “{june.Uuid}” between 2025-05-01 and 2025-05-31.", Sentence(html, "not-found-message"));
        Assert.Equal(june.Uuid, Hooks.Text(html, "not-found-uuid"));
        Assert.Equal(("2025-05-01", "2025-05-31"), (Hooks.Value(html, "searched-from"), Hooks.Value(html, "searched-to")));
        Assert.Equal(0, Hooks.Count(html, "meeting-header"));
    }

    [Fact]
    public async Task An_unknown_record_without_a_period_is_searched_for_month_by_month_and_the_404_names_the_whole_span_once()
    {
        // Arrange
        var today = Server.Services.GetRequiredService<UpstreamZone>().Today;
        var windows = MeetingDetailSearch.WindowsBack(today);
        var (first, last) = (Day(windows[^1].From), Day(today));

        // Act
        var (status, html) = await Session.GetPageAsync("/meeting?uuid=NoSuch%2BRecord%2F%3D%3D");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NoSuch+Record/==", Hooks.Text(html, "not-found-uuid"));
        Assert.Equal(MeetingDetailSearch.Months, windows.Count);
        Assert.Equal(new DateOnly(today.Year, today.Month, 1).AddMonths(1 - MeetingDetailSearch.Months), windows[^1].From);
        Assert.Equal($"No meeting with record id “NoSuch+Record/==” between {first} and {last}.", Sentence(html, "not-found-message"));
        Assert.Equal((first, last), (Hooks.Value(html, "searched-from"), Hooks.Value(html, "searched-to")));
    }

    [Theory]
    [InlineData(1, "call,", "call")]
    [InlineData(2, "calls,", "calls")]
    public async Task A_meetings_calls_are_counted_in_proper_English(int calls, string afterFigure, string afterTotal)
    {
        // Arrange
        var meeting = Dataset.MeetingsBetween(From, To).First(candidate => candidate.Telephony.Count == calls);

        // Act
        var (status, html) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{May}");

        // Assert: "1 call, 12 min" and "Total: 1 call"; "2 calls, …" and "Total: 2 calls".
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((calls.ToString(CultureInfo.InvariantCulture), afterFigure), (Hooks.Value(html, "phone-calls"), TextAfter(html, "phone-calls")));
        Assert.Equal((calls.ToString(CultureInfo.InvariantCulture), afterTotal), (Hooks.Value(html, "telephony-total-calls"), TextAfter(html, "telephony-total-calls")));
    }

    private const string NoRecord = "This address does not name a meeting record";

    private const string BadDates = "The dates in this address cannot be used";

    public static TheoryData<string, string, string, string> BadAddresses => new()
    {
        { "", "uuid", "Give the record id (uuid) of a meeting", NoRecord },
        { "uuid=", "uuid", "Give the record id (uuid) of a meeting", NoRecord },
        { "uuid=" + new string('A', 201), "uuid", "This value is longer than 200 characters.", NoRecord },
        { "uuid=abc%00def", "uuid", "This value contains control characters.", NoRecord },
        { "uuid=abc%0Adef", "uuid", "This value contains control characters.", NoRecord },
        { "uuid=abc&from=2025-13-01&to=2025-05-31", "from", "Enter a date as year-month-day", BadDates },
        { "uuid=abc&from=2025-05-31&to=2025-05-01", "to", "The period ends before it starts", BadDates },
        { "from=bad", "from", "Enter a date as year-month-day", NoRecord },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task An_address_without_a_usable_record_id_or_period_is_a_400_that_says_what_is_wrong(string query, string field, string message, string title)
    {
        // Act
        var (status, html) = await Session.GetPageAsync("/meeting?" + query);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(message, Hooks.Text(html, "error-" + field), StringComparison.Ordinal);
        Assert.Equal(title, Hooks.Text(html, "bad-request-title"));
        Assert.Equal(0, Hooks.Count(html, "meeting-header"));
    }

    [Fact]
    public async Task A_bookmarked_meeting_without_a_list_leads_back_to_the_list_of_the_period_it_was_found_in()
    {
        // Arrange
        var meeting = Dataset.MeetingsBetween(From, To)[0];

        // Act
        var (status, html) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}");
        var found = System.Text.RegularExpressions.Regex.Match(html, @"data-testid=""found-in"" data-from=""(?<from>[0-9-]+)"" data-to=""(?<to>[0-9-]+)""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(found.Success, "The page does not say where the meeting was found.");
        Assert.Equal($"/meetings?from={found.Groups["from"].Value}&to={found.Groups["to"].Value}&page_size=30", Hooks.Href(html, "back-to-list"));
        Assert.InRange(DateOnly.Parse(found.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture), DateOnly.MinValue, DateOnly.FromDateTime(meeting.Start));
    }

    [Fact]
    public async Task A_bookmark_with_a_last_day_alone_before_today_is_looked_up_as_one_without_a_period()
    {
        // Arrange: its first day cleared; the first would be today, after the last.
        var meeting = Dataset.MeetingsBetween(From, To)[0];

        // Act
        var (status, html) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&to={To:yyyy-MM-dd}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Hooks.Count(html, "meeting-header"));
    }

    [Fact]
    public async Task The_back_link_rebuilds_the_list_from_checked_values_and_drops_what_the_list_would_refuse()
    {
        // Arrange
        var meeting = Dataset.MeetingsBetween(From, To)[0];
        var room = Dataset.Rooms[0].HostId;
        var uuid = Uri.EscapeDataString(meeting.Uuid);

        // Act
        var (_, kept) = await Session.GetPageAsync(
            $"/meeting?uuid={uuid}&{May}&back_host_id={room}&back_show_participants=true&back_page_size=10&back_page_number=3");
        var (_, refused) = await Session.GetPageAsync(
            $"/meeting?uuid={uuid}&{May}&back_host_id=https%3A%2F%2Fevil.example&back_page_size=10");
        var (_, none) = await Session.GetPageAsync($"/meeting?uuid={uuid}&{May}&back_page_size=%2F%2Fevil.example");

        // Assert
        Assert.Equal($"/meetings?from=2025-05-01&to=2025-05-31&host_id={room}&show_participants=true&page_size=10&page_number=3#list", Hooks.Href(kept, "back-to-list"));
        Assert.Equal("/meetings?from=2025-05-01&to=2025-05-31&page_size=30&page_number=1#list", Hooks.Href(refused, "back-to-list"));
        Assert.Equal("/meetings?from=2025-05-01&to=2025-05-31&page_size=30&page_number=1#list", Hooks.Href(none, "back-to-list"));
    }

    [Fact]
    public async Task For_sampled_meetings_the_peak_the_people_and_the_phone_cost_are_what_the_simulator_holds()
    {
        // Arrange: ended May meetings with phone legs and several people; at least one has someone who rejoined.
        var sample = SimulatorTruth.Ended(Dataset, From, To)
            .Where(meeting => meeting.Telephony.Count > 0 && meeting.Participants.Count >= 4)
            .Take(8)
            .ToList();
        Assert.Equal(8, sample.Count);
        Assert.Contains(sample, meeting => meeting.Participants.GroupBy(row => row.Name).Any(rows => rows.Count() > 1));

        foreach (var meeting in sample)
        {
            // Act
            var (status, html) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{May}");

            // Assert
            var peak = SimulatorTruth.Peak(meeting);
            var people = SimulatorTruth.People(meeting);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(
                (meeting.Uuid, Peak: peak.People.ToString(CultureInfo.InvariantCulture), At: Invariant(peak.At)),
                (meeting.Uuid, Peak: Hooks.Value(html, "peak-concurrent"), At: Hooks.Value(html, "peak-at")));
            Assert.Equal(people.Count.ToString(CultureInfo.InvariantCulture), Hooks.Value(html, "people-count"));
            Assert.Equal(
                people.OrderBy(person => person.Key, StringComparer.Ordinal).Select(person => $"{person.Key}: {person.Value.Sessions} / {person.Value.ConnectedSeconds}s"),
                Hooks.Rows(html, "participant-row")
                    .Select(row => $"{Hooks.Text(row, "participant-name")}: {Hooks.Value(row, "participant-sessions")} / {Hooks.Value(row, "participant-connected")}s")
                    .Order(StringComparer.Ordinal));
            Assert.Equal(meeting.Participants.Count, Hooks.Count(html, "participant-session-row"));
            Assert.Equal(meeting.Telephony.Select(call => call.PhoneNumber), Hooks.Rows(html, "telephony-row").Select(row => Hooks.Text(row, "telephony-number")));
            Assert.Equal(SimulatorTruth.TelephonyCost(meeting), decimal.Parse(Hooks.Value(html, "telephony-total-cost")!, CultureInfo.InvariantCulture));
            Assert.Equal(SimulatorTruth.TelephonyCost(meeting), decimal.Parse(Hooks.Value(html, "phone-cost")!, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_running_meetings_peak_that_lasts_to_this_moment_is_still_held_not_held_until_now()
    {
        // Arrange: a meeting of the simulator's today still running, everyone who joined it still connected.
        var today = Dataset.Today;
        var meeting = Dataset.MeetingsBetween(today, today)
            .First(candidate => candidate.End is null && candidate.Participants.Count > 0 && candidate.Participants.All(row => row.LeaveTime is null));
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        var (status, html) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&from={day}&to={day}");

        // Assert
        var note = Regex.Replace(Hooks.Texts(html, "meeting-figures")[0], @"\s+", " ");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"reached at {Hooks.Text(html, "peak-at")} and still held", note, StringComparison.Ordinal);
        Assert.Equal(0, Hooks.Count(html, "peak-until"));
    }

    [Fact]
    public async Task Each_name_opens_the_meetings_it_joined_in_the_period_the_meeting_was_found_in()
    {
        // Arrange
        var meeting = Dataset.MeetingsBetween(From, To).First(candidate => candidate.Participants.Count > 2);
        var (_, html) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{May}");
        var row = Hooks.Rows(html, "participant-row")[1];
        var name = Hooks.Text(row, "participant-name")!;

        // Act
        var (status, list) = await Session.GetGatheredPageAsync(Hooks.Href(row, "participant-name")!);

        // Assert: that person's meetings of May.
        Assert.Equal($"/meetings?{May}&participant={Uri.EscapeDataString(name)}&page_size=30", Hooks.Href(row, "participant-name"));
        Assert.Equal(HttpStatusCode.OK, status);
        var joined = Dataset.MeetingsBetween(From, To).Count(candidate => candidate.Participants.Any(participant => participant.Name == name));
        Assert.Equal(joined.ToString(CultureInfo.InvariantCulture), Hooks.Value(list, "kpi-meetings"));
    }

    /// <summary>The text of the element with that data-testid, markup inside it removed and white space made single.</summary>
    private static string Sentence(string html, string testId)
    {
        var inner = Regex.Match(html, $@"data-testid=""{testId}""[^>]*>(?<inner>.*?)</p>", RegexOptions.Singleline).Groups["inner"].Value;
        return WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(inner, "<[^>]+>", ""), @"\s+", " ")).Trim();
    }

    /// <summary>The text right after the element with that data-testid, up to the next tag.</summary>
    private static string TextAfter(string html, string testId) =>
        WebUtility.HtmlDecode(Regex.Match(html, $@"data-testid=""{testId}""[^>]*>[^<]*</span>(?<after>[^<]*)<").Groups["after"].Value).Trim();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [GeneratedRegex("[?&]uuid=(?<value>[^&]*)")]
    private static partial Regex UuidParameter();
}
