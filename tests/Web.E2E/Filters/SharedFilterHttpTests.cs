using System.Net;
using System.Text.RegularExpressions;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Filters;

/// <summary>
/// Every report reads its address through one filter: a bad value of each kind, on every page that has the field,
/// comes back as the form (or the download page) with the message beside that field and status 400.
/// </summary>
public sealed class SharedFilterHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private const string May = "from=2025-05-01&to=2025-05-31";

    private static readonly string[] Reports = ["/meetings", "/participants", "/telephony", "/rooms", "/export"];

    private static readonly (string Query, string Field, string Message)[] PeriodAndRoomProblems =
    [
        ("from=2025-02-30&to=2025-05-31", "from", "Enter a date as year-month-day"),
        ("from=2025-05-01&to=31.05.2025", "to", "Enter a date as year-month-day"),
        ("from=1999-12-31&to=2025-05-31", "from", "Enter a date from 2000-01-01 to 2099-12-31."),
        ("from=2025-05-10&to=2025-05-01", "to", "The period ends before it starts"),
        ("from=2099-01-01&to=2099-01-31", "from", "The period starts after today"),
        ("from=2023-01-01&to=2025-05-31", "to", "The period is longer than 24 months"),
        (May + "&host_id=no-such-room", "host_id", "No room of this account has the id “no-such-room”."),
        (May + "&host_id=%07bell", "host_id", "This value contains control characters."),
        (May + "&host_id=" + new string('r', 201), "host_id", "This value is longer than 200 characters."),
    ];

    public static TheoryData<string, string, string, string> PeriodAndRoomOnEveryReport()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var report in Reports)
        {
            foreach (var (query, field, message) in PeriodAndRoomProblems)
            {
                data.Add(report, query, field, message);
            }
        }

        return data;
    }

    public static TheoryData<string, string, string> OwnFieldsOfEachKind => new()
    {
        { "/meetings?" + May + "&show_telephony_usage=maybe", "show_telephony_usage", "Phone usage: Use true or false." },
        { "/meetings?" + May + "&page_number=-3", "page_number", "Enter a whole page number of 1 or more." },
        { "/participants?" + May + "&page_size=ten", "page_size", "Choose a page size from 10 to 300." },
        { "/participants?" + May + "&sort=loudest", "sort", "The order in this address: Sort by one of: name, meetings, sessions, connected_time, first_seen, last_seen, rooms." },
        { "/participants?" + May + "&dir=up", "dir", "The order in this address: Use asc or desc." },
        { "/participants?" + May + "&name=" + new string('n', 201), "name", "This value is longer than 200 characters." },
        { "/export?" + May + "&format=pdf", "format", "Choose the format xlsx or csv." },
        { "/export?" + May + "&format=csv", "table", "A CSV file holds one table" },
        { "/export?" + May + "&format=csv&table=rooms", "table", "Choose the table meetings, participants, telephony or people." },
        { "/meeting?" + May, "uuid", "Give the record id (uuid) of a meeting" },
        { "/meeting?uuid=abc&from=2025-05-31&to=2025-05-01", "to", "The period ends before it starts" },
    };

    [Theory]
    [MemberData(nameof(PeriodAndRoomOnEveryReport))]
    public async Task A_bad_period_or_room_is_refused_beside_its_field_on_every_report(string report, string query, string field, string message)
    {
        // Act
        var (status, html) = await Session.GetPageAsync($"{report}?{query}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(message, Hooks.Text(html, "error-" + field), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/meetings")]
    [InlineData("/participants")]
    [InlineData("/telephony")]
    [InlineData("/rooms")]
    public async Task A_date_that_is_no_date_is_quoted_and_stays_in_its_field_as_text_on_every_form(string report)
    {
        // Act
        var (status, html) = await Session.GetPageAsync($"{report}?from=2026-13-45&to=2025-05-31");

        // Assert: a date picker would show nothing beside a message about "2026-13-45"; a text field shows it.
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.EndsWith("“2026-13-45” is not one.", Hooks.Text(html, "error-from"), StringComparison.Ordinal);
        Assert.Equal(("text", "2026-13-45"), (InputAttribute(html, "filter-from", "type"), InputValue(html, "filter-from")));
        Assert.Equal(("date", "2025-05-31"), (InputAttribute(html, "filter-to", "type"), InputValue(html, "filter-to")));
    }

    [Theory]
    [MemberData(nameof(OwnFieldsOfEachKind))]
    public async Task A_bad_value_of_a_reports_own_field_is_refused_beside_that_field(string address, string field, string message)
    {
        // Act
        var (status, html) = await Session.GetPageAsync(address);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(message, Hooks.Text(html, "error-" + field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_date_is_shown_as_typed_so_that_it_can_be_corrected()
    {
        // Act
        var (status, html) = await Session.GetPageAsync("/telephony?from=2025-5-1&to=2025-05-31");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("2025-5-1", InputValue(html, "filter-from"));
        Assert.Equal("2025-05-31", InputValue(html, "filter-to"));
    }

    [Fact]
    public async Task Only_the_first_problem_of_a_field_is_shown()
    {
        // Act: an unknown room that is also too long: the length is the first thing wrong with it.
        var (status, html) = await Session.GetPageAsync($"/rooms?{May}&host_id={new string('r', 250)}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(1, Hooks.Count(html, "error-host_id"));
        Assert.StartsWith("This value is longer than 200 characters.", Hooks.Text(html, "error-host_id"), StringComparison.Ordinal);
    }

    /// <summary>The value attribute of the input with that data-testid.</summary>
    private static string? InputValue(string html, string testId) => InputAttribute(html, testId, "value");

    /// <summary>An attribute of the input with that data-testid.</summary>
    private static string? InputAttribute(string html, string testId, string name)
    {
        var input = Regex.Match(html, $@"<input[^>]*data-testid=""{Regex.Escape(testId)}""[^>]*>").Value;
        var value = Regex.Match(input, $@"\s{name}=""(?<value>[^""]*)""");
        return value.Success ? WebUtility.HtmlDecode(value.Groups["value"].Value) : null;
    }
}
