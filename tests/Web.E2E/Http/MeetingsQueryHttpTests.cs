using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>/meetings read as a bookmark: what each query string gives back, over real HTTP, signed in as the demo admin.</summary>
public sealed class MeetingsQueryHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    // Inside the simulator's history (it ends on MeetingReportsServer.SimulatorToday, 2025-06-15).
    private const string May = "from=2025-05-01&to=2025-05-31";

    public static TheoryData<string, string, string> BadQueries => new()
    {
        { "from=2025-05-10&to=2025-05-01", "to", "The period ends before it starts" },
        { "from=&to=2025-05-31", "from", "Choose the first day of the period: only its last day, 2025-05-31, is given." },
        { "to=2025-05-31", "from", "Choose the first day of the period: only its last day, 2025-05-31, is given." },
        { "from=2025-13-01&to=2025-05-01", "from", "Enter a date as year-month-day" },
        { "from=2025-5-1&to=2025-05-31", "from", "Enter a date as year-month-day" },
        { "from=01/05/2025&to=2025-05-31", "from", "Enter a date as year-month-day" },
        { "from=2023-05-01&to=2025-05-01", "to", "The period is longer than 24 months" },
        { May + "&page_number=0", "page_number", "Enter a whole page number of 1 or more." },
        { May + "&page_number=two", "page_number", "Enter a whole page number of 1 or more." },
        { May + "&page_size=5", "page_size", "A page size of 5 is not offered: choose one from 10 to 300." },
        { May + "&page_size=301", "page_size", "A page size of 301 is not offered: choose one from 10 to 300." },
        { May + "&page_size=1e2", "page_size", "Choose a page size from 10 to 300." },
        { May + "&show_participants=yes", "show_participants", "People: Use true or false." },
        { May + "&show_telephony_usage=2", "show_telephony_usage", "Phone usage: Use true or false." },
        { May + "&host_id=no-such-room", "host_id", "No room of this account has the id “no-such-room”." },
        { May + "&uuid=" + new string('x', 201), "uuid", "This value is longer than 200 characters." },
        { May + "&uuid=abc%00def", "uuid", "This value contains control characters." },
        { May + "&host_id=%1B%5B31m", "host_id", "This value contains control characters." },
        { "from=2025-05-01&from=2025-04-01&to=2025-05-31", "from", "This address gives this value twice, as “2025-05-01” and as “2025-04-01”: keep one." },
        { May + "&page_size=50&page_size=10", "page_size", "This address gives this value twice, as “50” and as “10”: keep one." },
        { May + "&sort=topic&sort=room", "sort", "The order in this address: This address gives this value twice, as “topic” and as “room”: keep one." },
    };

    [Theory]
    [InlineData("1", true)]
    [InlineData("on", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("off", false)]
    public async Task A_switch_reads_1_and_on_as_true_and_0_and_off_as_false_as_plain_checkboxes_and_hand_written_addresses_send_them(string value, bool on)
    {
        // Act
        var (status, html) = await Session.GetPageAsync($"/meetings?{May}&show_participants={value}&page_size=10");

        // Assert: the column is there or not, and the switch drawn so.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(on, html.Contains("data-testid=\"meeting-participants\"", StringComparison.Ordinal));
        Assert.Equal(on, Regex.IsMatch(html, @"<input[^>]*id=""show_participants""[^>]*checked"));
    }

    [Fact]
    public async Task The_same_value_given_twice_asks_nothing_contradictory_and_is_answered()
    {
        // Act
        var (status, html) = await Session.GetPageAsync($"/meetings?{May}&{May}&page_size=10&page_size=10");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, Hooks.Count(html, "meeting-row"));
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_value_comes_back_as_a_message_beside_its_field_with_status_400(string query, string field, string message)
    {
        // Act
        using var response = await Session.GetAsync("/meetings?" + query);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, Hooks.Text(html, "error-" + field), StringComparison.Ordinal);
        Assert.Equal(0, Hooks.Count(html, "meeting-row"));
        Assert.Equal(1, Hooks.Count(html, "filter-form"));
        Assert.StartsWith("Error: ", TitleOf(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_answers_its_address_has_no_error_in_its_title()
    {
        // Act
        var (status, html) = await Session.GetPageAsync("/meetings?" + May);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Meetings · UMeeting Reports", TitleOf(html));
    }

    private static string TitleOf(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, "<title>(?<title>[^<]*)</title>").Groups["title"].Value);

    [Fact]
    public async Task The_quick_ranges_of_a_page_that_refused_its_room_leave_the_room_out_so_each_answers()
    {
        // Act
        using var response = await Session.GetAsync("/meetings?" + May + "&host_id=no-such-room");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var today = await Session.GetAsync(System.Net.WebUtility.HtmlDecode(Hooks.Href(html, "range-today")!));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("host_id", Hooks.Href(html, "range-last-month"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
    }

    [Fact]
    public async Task A_page_past_the_last_is_a_400_that_says_how_many_pages_the_period_has()
    {
        // Arrange
        using var first = await Session.GetAsync("/meetings?" + May + "&page_size=100");
        var totalPages = Hooks.Value(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "total-page");

        // Act
        using var response = await Session.GetAsync("/meetings?" + May + "&page_size=100&page_number=999");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"Page 999 does not exist: the list has {totalPages} pages.", Hooks.Text(html, "error-page_number"));
        Assert.Equal($"page_number={totalPages}", PageNumberIn(Hooks.Href(html, "error-page_number-last")));
    }

    [Fact]
    public async Task A_page_number_too_large_for_any_list_is_quoted_as_typed_and_offers_the_last_page()
    {
        // Act
        using var response = await Session.GetAsync("/meetings?" + May + "&page_size=100&page_number=99999999999999999999");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Page 99999999999999999999 does not exist: the list has ", Hooks.Text(html, "error-page_number"), StringComparison.Ordinal);
        Assert.Equal(1, Hooks.Count(html, "error-page_number-last"));
    }

    private static string PageNumberIn(string? href) =>
        Regex.Match(System.Net.WebUtility.HtmlDecode(href ?? ""), "page_number=[0-9]+").Value;

    [Fact]
    public async Task A_bookmark_gives_its_page_and_pager_links_that_keep_every_filter()
    {
        // Arrange
        const string Query = May + "&show_participants=true&show_telephony_usage=true&page_size=30&page_number=2";

        // Act
        using var response = await Session.GetAsync("/meetings?" + Query);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, Hooks.Count(html, "meeting-row"));
        Assert.Equal("2", Hooks.Value(html, "page-number"));
        Assert.Equal("31", Hooks.Value(html, "first-record"));
        Assert.Equal("60", Hooks.Value(html, "last-record"));
        var next = QueryHelpers.ParseQuery(new Uri(Server.RootUri, Hooks.Href(html, "pager-next")).Query);
        Assert.Equal(
            ["from=2025-05-01", "page_number=3", "page_size=30", "show_participants=true", "show_telephony_usage=true", "to=2025-05-31"],
            next.Select(pair => $"{pair.Key}={pair.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Topics_with_markup_are_shown_as_text_never_as_script()
    {
        // Arrange: the simulator plants this topic in every month of data.
        const string Hostile = "Design review <script>alert(1)</script>";
        var found = false;

        for (var page = 1; !found; page++)
        {
            // Act
            using var response = await Session.GetAsync($"/meetings?{May}&page_size=300&page_number={page}");
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // Assert
            Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
            Assert.Empty(Regex.Matches(html, "<script(?![^>]*\\bsrc=)"));
            found = html.Contains(WebUtility.HtmlEncode(Hostile), StringComparison.Ordinal);
            Assert.True(found || page < int.Parse(Hooks.Value(html, "total-page")!, System.Globalization.CultureInfo.InvariantCulture), "The planted topic never appeared.");
        }
    }

    [Fact]
    public async Task A_period_without_meetings_shows_an_empty_state_that_names_it()
    {
        // Act: the simulator's history starts about 400 days before 2025-06-15.
        using var response = await Session.GetAsync("/meetings?from=2020-01-01&to=2020-01-31");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Hooks.Count(html, "empty-state"));
        Assert.Contains("No meetings took place from 2020-01-01 to 2020-01-31 in any room.", html, StringComparison.Ordinal);
        Assert.Equal(0, Hooks.Count(html, "meetings-table"));
    }
}
