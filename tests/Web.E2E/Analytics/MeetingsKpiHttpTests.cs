using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>The KPIs above the /meetings table, over real HTTP, against the simulator's own meetings of May 2025.</summary>
public sealed partial class MeetingsKpiHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private static readonly DateOnly From = new(2025, 5, 1);
    private static readonly DateOnly To = new(2025, 5, 31);
    private const string May = "from=2025-05-01&to=2025-05-31";

    [Fact]
    public async Task Every_kpi_of_a_month_equals_the_simulators_meetings_of_that_month_to_the_minute_and_the_fen()
    {
        // Arrange
        var truth = AnalyticsTruth.Of(Dataset.MeetingsBetween(From, To));

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&page_size=10");

        // Assert: the whole month, although the table shows ten rows of it.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, Hooks.Count(html, "meeting-row"));
        Assert.Equal(Expected(truth), Kpis(html));
        // The share to a tenth of a percent, as its change is told in tenths of a point.
        Assert.Equal(((double)truth.OverflowMeetings / truth.Meetings).ToString("P1", CultureInfo.GetCultureInfo("en")), Hooks.Text(html, "kpi-overflow-share"));
    }

    [Fact]
    public async Task The_kpis_of_one_room_count_only_that_rooms_meetings()
    {
        // Arrange
        var room = Dataset.Rooms[3].HostId;
        var truth = AnalyticsTruth.Of(Dataset.MeetingsBetween(From, To, room));

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&host_id={room}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Expected(truth), Kpis(html));
        Assert.True(truth.Meetings < AnalyticsTruth.Of(Dataset.MeetingsBetween(From, To)).Meetings);
    }

    [Fact]
    public async Task The_kpis_of_a_search_count_the_meetings_it_lists_and_not_the_whole_month()
    {
        // Arrange: "review" is in topics only (no room is named so, no meeting ID holds letters).
        var listed = Dataset.MeetingsBetween(From, To).Where(meeting => meeting.Topic.Contains("review", StringComparison.OrdinalIgnoreCase)).ToList();

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&q=Review&page_size=10");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(listed.Count, 11, Dataset.MeetingsBetween(From, To).Count - 1);
        Assert.Equal(Expected(AnalyticsTruth.Of(listed)), Kpis(html));
    }

    [Fact]
    public async Task A_record_id_filter_shows_that_record_without_the_kpis_of_a_period()
    {
        // Arrange
        var meeting = Dataset.MeetingsBetween(From, To)[5];

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{May}&uuid={Uri.EscapeDataString(meeting.Uuid)}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Hooks.Count(html, "meeting-row"));
        Assert.Equal(0, Hooks.Count(html, "kpis"));
        Assert.Null(Hooks.Value(html, "kpi-meetings"));
    }

    private static Dictionary<string, string?> Expected(AnalyticsTruth truth) => new()
    {
        ["kpi-meetings"] = Invariant(truth.Meetings),
        ["kpi-actual-minutes"] = Invariant(truth.ActualMinutes),
        ["kpi-scheduled-minutes"] = Invariant(truth.ScheduledMinutes),
        ["kpi-participants"] = Invariant(truth.ParticipantRows),
        ["kpi-distinct-names"] = Invariant(truth.DistinctNames),
        ["kpi-phone-calls"] = Invariant(truth.Calls),
        ["kpi-phone-minutes"] = Invariant(truth.CallMinutes),
        ["kpi-phone-cost"] = truth.CallCost.ToString("0.00", CultureInfo.InvariantCulture),
        ["kpi-overflow"] = Invariant(truth.OverflowMeetings),
        ["kpi-overflow-share"] = Math.Round((double)truth.OverflowMeetings / truth.Meetings, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>Every kpi-* hook of the page with its data-value.</summary>
    private static Dictionary<string, string?> Kpis(string html) =>
        KpiValue().Matches(html).ToDictionary(match => match.Groups["name"].Value, match => (string?)match.Groups["value"].Value);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"data-testid=""(?<name>kpi-(?!running)[a-z-]+)"" data-value=""(?<value>[^""]*)""")]
    private static partial Regex KpiValue();
}
