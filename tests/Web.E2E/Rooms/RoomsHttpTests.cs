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
    public async Task The_page_states_the_business_hours_it_measured_utilisation_against()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync("/rooms?" + May);

        // Assert
        var rule = Regex.Match(html, @"<p class=""business-hours"" data-testid=""business-hours""[^>]*>(?<text>.*?)</p>", RegexOptions.Singleline);
        Assert.True(rule.Success);
        Assert.Contains(@"data-days=""Monday,Tuesday,Wednesday,Thursday,Friday"" data-start=""09:00"" data-end=""18:00""", rule.Value, StringComparison.Ordinal);
        Assert.Contains("(Monday, Tuesday, Wednesday, Thursday, Friday, 09:00–18:00, Asia/Shanghai (UTC+08:00))", WebUtility.HtmlDecode(rule.Groups["text"].Value), StringComparison.Ordinal);
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
        Assert.Contains(room.Name, Regex.Match(html, "<caption[^>]*>[^<]*Meeting minutes by weekday and hour[^<]*</caption>").Value, StringComparison.Ordinal);

        // Assert: meetings per day, regular and overflow, add up to the room's meetings, in the chart and its table.
        Assert.Equal(perDay.SelectMany(day => day), chart.ByLabel());
        Assert.Equal(meetings.Count, chart.Total);
        Assert.Equal(chart.ByLabel(), ChartTable.Values(html, "rooms-meetings-per-day"));
        Assert.Equal(Invariant(meetings.Count), Hooks.Value(Regex.Match(html, @"data-host-id=""" + room.HostId + @""">.*?</tr>", RegexOptions.Singleline).Value, "room-meetings"));
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

    private static long Seconds(Match cell, string group) => long.Parse(cell.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) =>
        Math.Round((double)part / whole, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Yuan(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
