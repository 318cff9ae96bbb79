using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Rooms;

/// <summary>/rooms for May 2025 over real HTTP as the demo admin, against the simulator's own meetings, second by second.</summary>
public sealed class RoomsHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private static readonly DateOnly From = new(2025, 5, 1);
    private static readonly DateOnly To = new(2025, 5, 31);
    private const string May = "from=2025-05-01&to=2025-05-31";

    private static readonly string[] RoomColumns =
        ["room-meetings", "room-actual-minutes", "room-participants", "room-distinct-names", "room-overflow", "room-phone-cost", "room-peak"];

    private static readonly string[] TotalColumns =
        ["total-meetings", "total-actual-minutes", "total-participants", "total-distinct-names", "total-overflow", "total-phone-cost", "total-peak"];

    [Fact]
    public async Task Every_rooms_line_equals_the_simulators_meetings_of_that_room_to_the_minute_the_fen_and_the_second()
    {
        // Arrange: every room of the account, each with its meetings of May (a room without any has a line of zeros).
        var expected = Dataset.Rooms.ToDictionary(room => room.HostId, room => Line(room.Name, Dataset.MeetingsBetween(From, To, room.HostId)));

        // Act
        var (status, html) = await Session.GetGatheredPageAsync("/rooms?" + May);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, Hooks.Rows(html, "room-row").ToDictionary(row => Hooks.Text(row, "room-host-id")!, ShownLine));
    }

    [Fact]
    public async Task Every_room_links_to_its_meetings_of_the_same_period()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync("/rooms?" + May);

        // Assert
        var rows = Hooks.Rows(html, "room-row");
        Assert.Equal(Dataset.Rooms.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(
            $"/meetings?from=2025-05-01&to=2025-05-31&host_id={Uri.EscapeDataString(Hooks.Text(row, "room-host-id")!)}&page_size=30",
            Hooks.Href(row, "room-name")));
    }

    [Fact]
    public async Task Utilisation_is_shown_to_a_tenth_of_a_percent_as_the_workbook_has_it()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync("/rooms?" + May);

        // Assert: the total and every room with business hours, e.g. "16.6%".
        Assert.Matches(@"^\d+\.\d\s?%$", Hooks.Text(html, "total-utilisation"));
        Assert.All(Hooks.Rows(html, "room-row"), row => Assert.Matches(@"^\d+\.\d\s?%$", Hooks.Text(row, "room-utilisation")));
    }

    [Fact]
    public async Task The_table_lists_the_busiest_rooms_first_and_says_so()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync("/rooms?" + May);

        // Assert
        var shares = Hooks.Rows(html, "room-row").Select(row => Ratio(Utilisation(row, "room-utilisation"))).ToList();
        Assert.Equal(shares.OrderDescending(), shares);
        Assert.True(shares.Distinct().Count() > 5, "The rooms' utilisations are too alike to show an order.");
        Assert.Equal("descending", AriaSortOf(html, "column-utilisation"));
        Assert.Equal("utilisation", Hooks.Value(html, "rooms-sorted-by"));
    }

    [Theory]
    [InlineData("room", "asc")]
    [InlineData("meetings", "desc")]
    [InlineData("actual_minutes", "desc")]
    [InlineData("participants", "desc")]
    [InlineData("distinct_names", "desc")]
    [InlineData("overflow", "desc")]
    [InlineData("phone_cost", "desc")]
    [InlineData("peak", "desc")]
    [InlineData("utilisation", "desc")]
    public async Task Every_column_heading_sorts_the_rooms_by_it_keeping_the_period_and_room_and_a_second_click_turns_the_order(string key, string natural)
    {
        // Arrange: a room chosen for the heatmap, sorted by another column than the one clicked.
        var chosen = Dataset.Rooms[3].HostId;
        var other = key == "meetings" ? "peak" : "meetings";
        var (_, start) = await Session.GetGatheredPageAsync($"/rooms?{May}&host_id={Uri.EscapeDataString(chosen)}&sort={other}&dir=asc");

        // Act
        var link = Hooks.Href(start, "sort-" + key)!;
        var (status, sorted) = await Session.GetGatheredPageAsync(link);
        var (_, turned) = await Session.GetGatheredPageAsync(Hooks.Href(sorted, "sort-" + key)!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), link).Query);
        Assert.Equal(("2025-05-01", "2025-05-31", chosen, key, natural), (fields["from"].ToString(), fields["to"].ToString(), fields["host_id"].ToString(), fields["sort"].ToString(), fields["dir"].ToString()));
        Assert.Equal(natural == "asc" ? "ascending" : "descending", AriaSortOf(sorted, "column-" + key));
        Assert.Equal(natural == "asc" ? "descending" : "ascending", AriaSortOf(turned, "column-" + key));
        Assert.Equal(chosen, Regex.Match(sorted, @"data-testid=""heatmap"" data-host-id=""([^""]*)""").Groups[1].Value);
        AssertOrdered(Column(sorted, key), descending: natural == "desc");
        AssertOrdered(Column(turned, key), descending: natural != "desc");
        Assert.Equal(Dataset.Rooms.Count, Hooks.Rows(turned, "room-row").Count);
    }

    [Fact]
    public async Task An_unknown_sort_column_is_refused_with_the_columns_that_exist()
    {
        // Act
        var (status, html) = await Session.GetPageAsync("/rooms?" + May + "&sort=colour");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("actual_minutes", Hooks.Text(html, "error-sort"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_totals_row_sums_every_room_and_counts_each_person_and_each_overlap_once_across_the_account()
    {
        // Arrange
        var meetings = Dataset.MeetingsBetween(From, To);
        var truth = AnalyticsTruth.Of(meetings);
        var utilisation = Dataset.Rooms
            .Select(room => AnalyticsTruth.Utilisation(Dataset.MeetingsBetween(From, To, room.HostId), From, To, Dataset.Now))
            .Aggregate((sum, room) => (sum.Occupied + room.Occupied, sum.MeetingTime + room.MeetingTime, sum.Available + room.Available));

        // Act
        var (_, html) = await Session.GetGatheredPageAsync("/rooms?" + May);
        var totals = Regex.Match(html, @"<tr class=""totals-row"">.*?</tr>", RegexOptions.Singleline).Value;

        // Assert
        Assert.Equal(Figures(truth, AnalyticsTruth.PeakConcurrent(meetings, Dataset.Now)), Shown(totals, TotalColumns));
        Assert.Equal(
            (utilisation.Occupied, utilisation.MeetingTime, utilisation.Available, Share(utilisation.Occupied, utilisation.Available)),
            Utilisation(totals, "total-utilisation"));
        Assert.Equal(12 * 22 * 9 * 3600L, utilisation.Available);
    }

    [Fact]
    public async Task The_page_states_the_business_hours_it_measured_utilisation_against_as_the_workbook_does()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync("/rooms?" + May);

        // Assert
        var rule = Regex.Match(html, @"<p class=""business-hours"" data-testid=""business-hours""[^>]*>(?<text>.*?)</p>", RegexOptions.Singleline);
        Assert.True(rule.Success);
        Assert.Contains(@"data-days=""Monday,Tuesday,Wednesday,Thursday,Friday"" data-start=""09:00"" data-end=""18:00""", rule.Value, StringComparison.Ordinal);
        Assert.Contains("(Monday–Friday, 09:00–18:00, Asia/Shanghai (UTC+08:00))", WebUtility.HtmlDecode(rule.Groups["text"].Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meetings_per_day_are_counted_on_a_titled_axis_of_whole_numbers()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync("/rooms?" + May);

        // Assert: a day of three meetings never sits between ticks of 2.5 and 3.5.
        Assert.Equal(("Meetings held", "Day"), ChartJson.AxisTitles(html, "rooms-meetings-per-day", value: "y", label: "x"));
        Assert.Equal(0, ChartJson.TickPrecision(html, "rooms-meetings-per-day", "y"));
    }

    [Fact]
    public async Task A_period_that_is_not_over_says_up_to_when_its_hours_were_counted()
    {
        // Arrange: this week and next, in the app's own zone and clock (the simulator's data ends long before).
        var now = Server.Services.GetRequiredService<UpstreamZone>().Now;
        var today = DateOnly.FromDateTime(now.DateTime);
        var to = today.AddDays(7);

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/rooms?from={today:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var (occupied, _, available, _) = Utilisation(html, "total-utilisation");
        var answered = Server.Services.GetRequiredService<UpstreamZone>().Now;

        // Assert: counted until now, so no room is charged for business hours that have not come yet.
        Assert.Equal(HttpStatusCode.OK, status);
        var countedUntil = DateTime.ParseExact(Hooks.Value(html, "counted-until")!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.InRange(countedUntil, now.DateTime.AddMinutes(-5), answered.DateTime);
        Assert.Equal(0, occupied);
        Assert.True(available <= 12 * 9 * 3600L * (today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1), $"{available} s of business hours counted before the day is over.");

        // Assert: meetings per day stop at today; the week to come has no day of zeros.
        Assert.Equal([today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], ChartJson.Read(html, "rooms-meetings-per-day").Labels);
    }

    [Fact]
    public async Task The_heatmap_and_meetings_per_day_of_one_room_are_that_rooms_meeting_seconds_and_meetings()
    {
        // Arrange
        var room = Dataset.Rooms[1];
        var meetings = Dataset.MeetingsBetween(From, To, room.HostId);
        var cells = AnalyticsTruth.Heatmap(meetings, From, To, Dataset.Now);
        var perDay = Enumerable.Range(0, 31).Select(From.AddDays)
            .Select(day => meetings.Where(meeting => DateOnly.FromDateTime(meeting.Start) == day).ToList())
            .Select(day => new[] { (decimal)day.Count(meeting => !meeting.IsExtra), day.Count(meeting => meeting.IsExtra) })
            .ToList();

        // Act
        var (_, html) = await Session.GetGatheredPageAsync($"/rooms?{May}&host_id={room.HostId}");
        var chart = ChartJson.Read(html, "rooms-meetings-per-day");

        // Assert: every cell to the second, the whole to the second.
        var shown = Hooks.Rows(html, "heatmap-row").SelectMany(row => Regex.Matches(row, @"data-hour=""(?<hour>\d\d)"" data-testid=""heat-cell"" data-value=""(?<seconds>\d+)""")
            .Select(cell => (Day: Enum.Parse<DayOfWeek>(Regex.Match(row, @"data-day=""(?<day>\w+)""").Groups["day"].Value), Hour: int.Parse(cell.Groups["hour"].Value, CultureInfo.InvariantCulture), Seconds: long.Parse(cell.Groups["seconds"].Value, CultureInfo.InvariantCulture))))
            .ToList();
        Assert.Equal(7 * 24, shown.Count);
        Assert.All(shown, cell => Assert.Equal((cell.Day, cell.Hour, cells.GetValueOrDefault((cell.Day, cell.Hour))), cell));
        Assert.Equal(Invariant(cells.Values.Sum()), Hooks.Value(html, "heatmap-total"));
        Assert.Equal(
            Enumerable.Range(0, 24).Select(hour => Invariant(cells.Where(cell => cell.Key.Hour == hour).Sum(cell => cell.Value))),
            Regex.Matches(html, @"data-testid=""heatmap-hour-total"" data-hour=""\d\d"" data-value=""(?<seconds>\d+)""").Select(total => total.Groups["seconds"].Value));
        Assert.Contains(room.Name, Regex.Match(html, "<caption[^>]*>[^<]*Meeting minutes by weekday and hour[^<]*</caption>").Value, StringComparison.Ordinal);

        // Assert: meetings per day, regular and overflow, add up to the room's meetings, in the chart and its table.
        Assert.Equal(perDay.SelectMany(day => day), chart.ByLabel());
        Assert.Equal(meetings.Count, chart.Total);
        Assert.Equal(chart.ByLabel(), ChartTable.Values(html, "rooms-meetings-per-day"));
        Assert.Equal(Invariant(meetings.Count), Hooks.Value(Regex.Match(html, @"data-host-id=""" + room.HostId + @"""[^>]*>.*?</tr>", RegexOptions.Singleline).Value, "room-meetings"));
    }

    [Fact]
    public async Task The_table_marks_the_room_chosen_in_the_form_and_says_the_download_holds_that_room_alone()
    {
        // Arrange
        var room = Dataset.Rooms[1];

        // Act
        var (_, chosen) = await Session.GetGatheredPageAsync($"/rooms?{May}&host_id={room.HostId}");
        var (_, every) = await Session.GetGatheredPageAsync("/rooms?" + May);

        // Assert: one row is marked, the chosen room's, for the eye and for a screen reader; with no room chosen, none.
        var marked = Hooks.Rows(chosen, "room-row").Where(row => row.Contains("aria-current=\"true\"", StringComparison.Ordinal)).ToList();
        Assert.Equal([room.HostId], marked.Select(row => Hooks.Text(row, "room-host-id")));
        Assert.NotNull(Hooks.Text(marked[0], "room-chosen"));
        Assert.Equal(Dataset.Rooms.Count, Hooks.Rows(chosen, "room-row").Count);
        Assert.DoesNotContain("aria-current=\"true\"", string.Concat(Hooks.Rows(every, "room-row")), StringComparison.Ordinal);
        Assert.Contains("the heatmap, meetings per day and the download hold that room alone", chosen, StringComparison.Ordinal);
        Assert.Contains($"host_id={Uri.EscapeDataString(room.HostId)}", Regex.Match(chosen, @"data-testid=""download-links"".*?</div>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    private (string Name, string Figures, (long, long, long, string) Utilisation) Line(string name, IReadOnlyList<SimulatedMeeting> meetings)
    {
        var (occupied, meetingTime, available) = AnalyticsTruth.Utilisation(meetings, From, To, Dataset.Now);
        return (name, Figures(AnalyticsTruth.Of(meetings), AnalyticsTruth.PeakConcurrent(meetings, Dataset.Now)), (occupied, meetingTime, available, Share(occupied, available)));
    }

    private static (string Name, string Figures, (long, long, long, string) Utilisation) ShownLine(string row) =>
        (Hooks.Text(row, "room-name")!, Shown(row, RoomColumns), Utilisation(row, "room-utilisation"));

    /// <summary>Meetings, actual minutes, participants, distinct names, overflow, phone cost and peak, as one line to compare.</summary>
    private static string Figures(AnalyticsTruth truth, int peak) => string.Join(
        " | ",
        Invariant(truth.Meetings), Invariant(truth.ActualMinutes), Invariant(truth.ParticipantRows), Invariant(truth.DistinctNames),
        Invariant(truth.OverflowMeetings), Yuan(truth.CallCost), Invariant(peak));

    private static string Shown(string html, IEnumerable<string> columns) => string.Join(" | ", columns.Select(testId => Hooks.Value(html, testId)));

    /// <summary>Occupied, meeting and available seconds, and the share shown (empty without business hours), of a utilisation cell.</summary>
    private static (long, long, long, string) Utilisation(string html, string testId)
    {
        var cell = Regex.Match(html, $@"data-occupied-seconds=""(?<occupied>\d+)"" data-meeting-seconds=""(?<meeting>\d+)"" data-available-seconds=""(?<available>\d+)"" data-testid=""{testId}""(?: data-value=""(?<share>[^""]*)"")?");
        Assert.True(cell.Success, $"No {testId} cell.");
        return (Seconds(cell, "occupied"), Seconds(cell, "meeting"), Seconds(cell, "available"), cell.Groups["share"].Value);
    }

    /// <summary>Each row's value of the column a sort key names: text for the room's name, numbers for the rest.</summary>
    private static IReadOnlyList<IComparable> Column(string html, string key) => [.. Hooks.Rows(html, "room-row").Select(row => key switch
    {
        "room" => (IComparable)Hooks.Text(row, "room-name")!,
        "utilisation" => Ratio(Utilisation(row, "room-utilisation")),
        _ => decimal.Parse(Hooks.Value(row, "room-" + key.Replace('_', '-'))!, CultureInfo.InvariantCulture),
    })];

    private static void AssertOrdered(IReadOnlyList<IComparable> values, bool descending)
    {
        var expected = descending ? values.OrderDescending(Comparer<IComparable>.Create(Ordinal)) : values.Order(Comparer<IComparable>.Create(Ordinal));
        Assert.Equal(expected, values);

        static int Ordinal(IComparable? a, IComparable? b) =>
            a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<IComparable>.Default.Compare(a, b);
    }

    private static decimal Ratio((long Occupied, long MeetingTime, long Available, string Share) utilisation) =>
        utilisation.Available == 0 ? -1 : (decimal)utilisation.Occupied / utilisation.Available;

    private static string? AriaSortOf(string html, string testId) =>
        Regex.Match(html, $@"aria-sort=""(?<sort>[^""]+)"" data-testid=""{testId}""").Groups["sort"] is { Success: true } group ? group.Value : null;

    private static long Seconds(Match cell, string group) => long.Parse(cell.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) =>
        Math.Round((double)part / whole, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Yuan(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
