using System.Globalization;
using System.Net;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Telephony;

/// <summary>/telephony for May 2025 over real HTTP as the demo admin, against the simulator's own phone legs.</summary>
public sealed class TelephonyHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private static readonly DateOnly From = new(2025, 5, 1);
    private static readonly DateOnly To = new(2025, 5, 31);
    private const string Address = "/telephony?from=2025-05-01&to=2025-05-31";

    private static readonly string[] ChartIds =
        ["telephony-cost-per-day", "telephony-cost-per-room", "telephony-top-numbers", "telephony-minutes-by-type"];

    // The two usual types always come first, then any other the upstream sends (the simulator sends "callback").
    private static readonly string[] CallTypes = ["call-in", "call-out", "callback"];

    private IReadOnlyList<SimulatedMeeting> Meetings => Dataset.MeetingsBetween(From, To);

    private List<SimulatedCall> Calls => [.. Meetings.SelectMany(meeting => meeting.Telephony)];

    [Fact]
    public async Task The_kpis_and_each_call_type_equal_the_simulators_phone_legs_of_the_month()
    {
        // Arrange
        var calls = Calls;
        var byType = calls.GroupBy(call => call.Type)
            .ToDictionary(type => type.Key, type => Line(type.Count(), type.Sum(call => call.Duration), type.Sum(call => call.Total)));

        // Act
        var (status, html) = await Session.GetGatheredPageAsync(Address);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            Line(calls.Count, calls.Sum(call => call.Duration), calls.Sum(call => call.Total)),
            Line(Hooks.Value(html, "kpi-calls"), Hooks.Value(html, "kpi-minutes"), Hooks.Value(html, "kpi-cost")));
        Assert.Contains("callback", byType.Keys);
        Assert.Equal(byType, Hooks.Rows(html, "type-row").Where(row => Hooks.Value(row, "type-calls") != "0").ToDictionary(
            row => Hooks.Value(row, "type-name")!,
            row => Line(Hooks.Value(row, "type-calls"), Hooks.Value(row, "type-minutes"), Hooks.Value(row, "type-cost"))));
        // The codes stay in data-value; people read words.
        Assert.Equal(CallTypes, Hooks.Rows(html, "type-row").Select(row => Hooks.Value(row, "type-name")));
        Assert.Equal(["Call-in", "Call-out", "Callback"], Hooks.Rows(html, "type-row").Select(row => Hooks.Text(row, "type-name")));
    }

    [Fact]
    public async Task Every_room_links_to_its_meetings_of_the_same_period()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync(Address);

        // Assert
        var rows = Hooks.Rows(html, "room-row");
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(
            $"/meetings?from=2025-05-01&to=2025-05-31&host_id={Uri.EscapeDataString(Hooks.Text(row, "room-host-id")!)}&page_size=30",
            Hooks.Href(row, "room-name")));
    }

    [Fact]
    public async Task The_room_and_day_tables_and_their_totals_equal_the_simulators_phone_legs()
    {
        // Arrange
        var meetings = Meetings;
        var calls = Calls;
        var total = Line(calls.Count, calls.Sum(call => call.Duration), calls.Sum(call => call.Total));
        var perRoom = meetings.GroupBy(meeting => meeting.HostId).ToDictionary(
            room => room.Key,
            room => (Meetings: room.Count().ToString(CultureInfo.InvariantCulture), Calls: Line(room.SelectMany(meeting => meeting.Telephony))));
        // Days without a call are left out of the day table.
        var perDay = Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays)
            .Where(day => meetings.Any(meeting => DateOnly.FromDateTime(meeting.Start) == day && meeting.Telephony.Count > 0))
            .ToDictionary(
                day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                day => Line(meetings.Where(meeting => DateOnly.FromDateTime(meeting.Start) == day).SelectMany(meeting => meeting.Telephony)));

        // Act
        var (_, html) = await Session.GetGatheredPageAsync(Address);

        // Assert
        Assert.Equal(perRoom, Hooks.Rows(html, "room-row").ToDictionary(
            row => Hooks.Text(row, "room-host-id")!,
            row => (Meetings: Hooks.Value(row, "room-meetings")!, Calls: Line(Hooks.Value(row, "room-calls"), Hooks.Value(row, "room-minutes"), Hooks.Value(row, "room-cost")))));
        Assert.Equal(total, Line(Hooks.Value(html, "rooms-total-calls"), Hooks.Value(html, "rooms-total-minutes"), Hooks.Value(html, "rooms-total-cost")));
        Assert.Equal(meetings.Count.ToString(CultureInfo.InvariantCulture), Hooks.Value(html, "rooms-total-meetings"));

        Assert.Equal(perDay, Hooks.Rows(html, "day-row").ToDictionary(
            row => Hooks.Text(row, "day-date")!,
            row => Line(Hooks.Value(row, "day-calls"), Hooks.Value(row, "day-minutes"), Hooks.Value(row, "day-cost"))));
        Assert.Equal(total, Line(Hooks.Value(html, "days-total-calls"), Hooks.Value(html, "days-total-minutes"), Hooks.Value(html, "days-total-cost")));
    }

    [Fact]
    public async Task The_day_table_is_folded_under_a_summary_that_counts_the_days_with_calls_and_each_day_opens_its_meetings()
    {
        // Arrange
        var callDays = Meetings.Where(meeting => meeting.Telephony.Count > 0).Select(meeting => DateOnly.FromDateTime(meeting.Start)).Distinct().Count();

        // Act
        var (_, html) = await Session.GetGatheredPageAsync(Address);
        var (_, roomHtml) = await Session.GetGatheredPageAsync($"{Address}&host_id={Dataset.Rooms[0].HostId}");

        // Assert: closed (no "open"), and the summary says how many of the month's days it holds.
        Assert.True(callDays is > 0 and < 31, $"{callDays} days of May had calls: the test needs some with and some without.");
        Assert.Matches(@"<details class=""folded-table"" data-testid=""day-table-details"">", html);
        Assert.Equal($"Show the {callDays} days with calls (of 31); days without a call are left out.", Hooks.Text(html, "day-table-summary"));
        Assert.All(Hooks.Rows(html, "day-row"), row => Assert.Equal(
            $"/meetings?from={Hooks.Text(row, "day-date")}&to={Hooks.Text(row, "day-date")}&page_size=30",
            Hooks.Href(row, "day-date")));
        Assert.All(Hooks.Rows(roomHtml, "day-row"), row => Assert.Equal(
            $"/meetings?from={Hooks.Text(row, "day-date")}&to={Hooks.Text(row, "day-date")}&host_id={Uri.EscapeDataString(Dataset.Rooms[0].HostId)}&page_size=30",
            Hooks.Href(row, "day-date")));
    }

    [Fact]
    public async Task A_period_without_a_call_says_so_instead_of_showing_empty_charts_and_tables()
    {
        // Arrange: a day of May without a phone leg.
        var quiet = Enumerable.Range(0, 31).Select(From.AddDays).First(day => Dataset.MeetingsBetween(day, day).Sum(meeting => meeting.Telephony.Count) == 0);
        var date = quiet.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/telephony?from={date}&to={date}");

        // Assert: the figures say 0, one sentence says why, and no chart or table of nothing follows.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("0", Hooks.Value(html, "kpi-calls"));
        Assert.Equal($"{date}: no meeting of any room had a phone leg.", Hooks.Text(html, "no-calls"));
        Assert.Equal(0, Hooks.Count(html, "day-table-details"));
        Assert.DoesNotContain("<canvas", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cost_charts_value_axes_carry_the_yuan_and_the_minutes_chart_its_minutes()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync(Address);

        // Assert: the value axis is y for the day chart (upright bars), x for the sideways room, number and type charts.
        Assert.Equal(("Phone cost (¥)", "Day"), ChartJson.AxisTitles(html, "telephony-cost-per-day", value: "y", label: "x"));
        Assert.Equal(("Phone cost (¥)", "Room"), ChartJson.AxisTitles(html, "telephony-cost-per-room", value: "x", label: "y"));
        Assert.Equal(("Phone cost (¥)", "Number"), ChartJson.AxisTitles(html, "telephony-top-numbers", value: "x", label: "y"));
        Assert.Equal(("Phone minutes", "Type"), ChartJson.AxisTitles(html, "telephony-minutes-by-type", value: "y", label: "x"));
    }

    [Fact]
    public async Task Every_chart_adds_up_to_the_kpis_and_its_table_alternative_holds_the_same_numbers()
    {
        // Arrange
        var meetings = Meetings;
        var roomNames = Dataset.Rooms.ToDictionary(room => room.HostId, room => room.Name);
        var costPerRoom = meetings.GroupBy(meeting => roomNames[meeting.HostId]).ToDictionary(room => room.Key, room => room.SelectMany(meeting => meeting.Telephony).Sum(call => call.Total));
        var costPerDay = meetings.GroupBy(meeting => DateOnly.FromDateTime(meeting.Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToDictionary(day => day.Key, day => day.SelectMany(meeting => meeting.Telephony).Sum(call => call.Total));

        // Act
        var (_, html) = await Session.GetGatheredPageAsync(Address);
        var charts = ChartIds.ToDictionary(id => id, id => ChartJson.Read(html, id));
        var cost = decimal.Parse(Hooks.Value(html, "kpi-cost")!, CultureInfo.InvariantCulture);
        var minutes = decimal.Parse(Hooks.Value(html, "kpi-minutes")!, CultureInfo.InvariantCulture);

        // Assert: chart totals equal the KPIs, which equal the tables' totals.
        Assert.Equal(Calls.Sum(call => call.Total), cost);
        Assert.Equal(cost, charts["telephony-cost-per-day"].Total);
        Assert.Equal(cost, charts["telephony-cost-per-room"].Total);
        Assert.Equal(minutes, charts["telephony-minutes-by-type"].Total);
        Assert.Equal(cost, decimal.Parse(Hooks.Value(html, "days-total-cost")!, CultureInfo.InvariantCulture));
        Assert.Equal(["Call-in", "Call-out", "Callback"], charts["telephony-cost-per-day"].Datasets.Select(dataset => dataset.Label));

        // Assert: each point is the simulator's, day by day and room by room.
        var perDay = charts["telephony-cost-per-day"];
        Assert.Equal(31, perDay.Labels.Count);
        Assert.All(perDay.Labels.Zip(perDay.PerLabel), point => Assert.Equal(costPerDay.GetValueOrDefault(point.First), point.Second));
        var perRoom = charts["telephony-cost-per-room"];
        Assert.Equal(costPerRoom, perRoom.Labels.Zip(perRoom.Datasets[0].Values).ToDictionary(point => point.First, point => point.Second));

        // Assert: every chart's table alternative holds its numbers, in its order, and its total.
        foreach (var (id, chart) in charts)
        {
            Assert.Equal((id, string.Join(" | ", chart.Labels)), (id, string.Join(" | ", ChartTable.Labels(html, id))));
            Assert.Equal((id, Join(chart.ByLabel())), (id, Join(ChartTable.Values(html, id))));
            Assert.Equal((id, chart.Total), (id, ChartTable.Total(html, id)));
        }
    }

    [Fact]
    public async Task The_ten_costliest_numbers_are_the_simulators_ten_costliest_and_whole_for_an_admin()
    {
        // Arrange
        var costs = Calls.GroupBy(call => call.PhoneNumber).ToDictionary(number => number.Key, number => number.Sum(call => call.Total));
        var tenHighest = costs.Values.OrderDescending().Take(10).ToList();

        // Act
        var (_, html) = await Session.GetGatheredPageAsync(Address);
        var chart = ChartJson.Read(html, "telephony-top-numbers");

        // Assert
        Assert.True(costs.Count > 10, $"The month has only {costs.Count} numbers.");
        Assert.Equal(tenHighest, chart.Datasets[0].Values);
        Assert.All(chart.Labels.Zip(chart.Datasets[0].Values), point => Assert.Equal(costs[point.First], point.Second));
        Assert.Equal(0, Hooks.Count(html, "numbers-masked"));
    }

    /// <summary>Numbers as one line to compare, whatever scale each decimal carries (0 and 0.00 are the same amount).</summary>
    private static string Join(IEnumerable<decimal> values) =>
        string.Join(" | ", values.Select(value => value.ToString("0.00##########", CultureInfo.InvariantCulture)));

    private static (string? Calls, string? Minutes, string? Cost) Line(IEnumerable<SimulatedCall> calls)
    {
        var list = calls.ToList();
        return Line(list.Count, list.Sum(call => call.Duration), list.Sum(call => call.Total));
    }

    private static (string? Calls, string? Minutes, string? Cost) Line(int calls, int minutes, decimal cost) =>
        (calls.ToString(CultureInfo.InvariantCulture), minutes.ToString(CultureInfo.InvariantCulture), cost.ToString("0.00", CultureInfo.InvariantCulture));

    private static (string? Calls, string? Minutes, string? Cost) Line(string? calls, string? minutes, string? cost) => (calls, minutes, cost);
}
