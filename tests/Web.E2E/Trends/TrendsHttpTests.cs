using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Tests.Shared;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Trends;

/// <summary>An archive of its own: which months it holds is decided by these tests alone.</summary>
public sealed class TrendsServer : MeetingReportsServer;

/// <summary>
/// Issue 13's trends over real HTTP: the months of a period of three months or more on every report, each month the
/// figures of its own period, and each /meetings KPI against the previous period when the archive holds it.
/// </summary>
public sealed partial class TrendsHttpTests(TrendsServer server) : SignedInHttpTest<TrendsServer>(server), IClassFixture<TrendsServer>
{
    /// <summary>A cut February, then three whole months.</summary>
    private const string Spring = "from=2025-02-10&to=2025-05-31";

    private static readonly DatePeriodSpan[] SpringMonths =
    [
        new(new(2025, 2, 10), new(2025, 2, 28)),
        new(new(2025, 3, 1), new(2025, 3, 31)),
        new(new(2025, 4, 1), new(2025, 4, 30)),
        new(new(2025, 5, 1), new(2025, 5, 31)),
    ];

    [Fact]
    public async Task Each_monthly_charts_value_axis_names_its_measure_and_unit_and_its_label_axis_the_month()
    {
        // Act
        var (_, html) = await Session.GetGatheredPageAsync($"/meetings?{Spring}");

        // Assert
        Assert.Equal(
            [("Meetings", "Month"), ("Actual minutes", "Month"), ("Joins", "Month"), ("Phone minutes", "Month"), ("Phone cost (¥)", "Month")],
            ((string[])["trend-meetings", "trend-actual-minutes", "trend-participants", "trend-phone-minutes", "trend-phone-cost"])
                .Select(chart => ChartJson.AxisTitles(html, chart, value: "y", label: "x")));
    }

    [Fact]
    public async Task A_month_the_period_cuts_to_one_day_is_labelled_by_that_day_alone()
    {
        // Act: from the last day of February to the first of June.
        var (_, html) = await Session.GetGatheredPageAsync("/meetings?from=2025-02-28&to=2025-06-01");

        // Assert: labelled, and drawn faint (the colour at a quarter), so that a cut month is not read as a fall.
        Assert.Equal(["2025-02 (28, part)", "2025-03", "2025-04", "2025-05", "2025-06 (1, part)"], ChartJson.Read(html, "trend-meetings").Labels);
        var fills = ChartJson.BarFills(html, "trend-meetings");
        Assert.Equal([true, false, false, false, true], fills.Select(fill => fill.Length == 9 && fill.EndsWith("40", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Three_months_of_meetings_show_each_month_and_each_month_is_that_months_own_kpis()
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{Spring}");

        // Assert: one section, the cut month labelled as such, every chart's months the simulator's own.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Hooks.Count(html, "trends"));
        Assert.Equal(["2025-02 (10–28, part)", "2025-03", "2025-04", "2025-05"], ChartJson.Read(html, "trend-meetings").Labels);
        var truths = SpringMonths.Select(month => AnalyticsTruth.Of(Dataset.MeetingsBetween(month.From, month.To))).ToList();
        Assert.Equal(truths.Select(truth => (decimal)truth.Meetings), Values(html, "trend-meetings"));
        Assert.Equal(truths.Select(truth => (decimal)truth.ActualMinutes), Values(html, "trend-actual-minutes"));
        Assert.Equal(truths.Select(truth => (decimal)truth.ParticipantRows), Values(html, "trend-participants"));
        Assert.Equal(truths.Select(truth => (decimal)truth.CallMinutes), Values(html, "trend-phone-minutes"));
        Assert.Equal(truths.Select(truth => truth.CallCost), Values(html, "trend-phone-cost"));
        Assert.Equal(truths.Select(truth => truth.CallCost), ChartTable.Values(html, "trend-phone-cost"));

        // Each month as the KPIs of its own /meetings page.
        foreach (var (month, index) in SpringMonths.Select((month, index) => (month, index)))
        {
            var (_, own) = await Session.GetGatheredPageAsync($"/meetings?{month.Query}");
            Assert.Equal(
                (month.Query, Hooks.Value(own, "kpi-meetings"), Hooks.Value(own, "kpi-actual-minutes"), Hooks.Value(own, "kpi-participants"), Hooks.Value(own, "kpi-phone-minutes"), Hooks.Value(own, "kpi-phone-cost")),
                (month.Query, Invariant(Values(html, "trend-meetings")[index]), Invariant(Values(html, "trend-actual-minutes")[index]), Invariant(Values(html, "trend-participants")[index]),
                    Invariant(Values(html, "trend-phone-minutes")[index]), Values(html, "trend-phone-cost")[index].ToString("0.00", CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task The_participants_telephony_and_rooms_pages_show_their_own_measures_month_by_month()
    {
        // Arrange
        var truths = SpringMonths.Select(month => AnalyticsTruth.Of(Dataset.MeetingsBetween(month.From, month.To))).ToList();

        // Act
        var (_, participants) = await Session.GetGatheredPageAsync($"/participants?{Spring}");
        var (_, telephony) = await Session.GetGatheredPageAsync($"/telephony?{Spring}");
        var (_, rooms) = await Session.GetGatheredPageAsync($"/rooms?{Spring}");

        // Assert
        Assert.Equal(truths.Select(truth => (decimal)truth.DistinctNames), Values(participants, "trend-people"));
        Assert.Equal(truths.Select(truth => (decimal)truth.ParticipantRows), Values(participants, "trend-participants"));
        Assert.Equal(truths.Select(truth => (decimal)truth.CallMinutes), Values(telephony, "trend-phone-minutes"));
        Assert.Equal(truths.Select(truth => truth.CallCost), Values(telephony, "trend-phone-cost"));
        Assert.Equal(truths.Select(truth => (decimal)truth.Meetings), Values(rooms, "trend-meetings"));
        Assert.Equal(truths.Select(truth => (decimal)truth.ActualMinutes), Values(rooms, "trend-actual-minutes"));
    }

    [Fact]
    public async Task Distinct_names_per_month_have_no_total_row_since_months_do_not_add_up_to_the_periods_names()
    {
        // Arrange
        var joins = SpringMonths.Select(month => AnalyticsTruth.Of(Dataset.MeetingsBetween(month.From, month.To)).ParticipantRows).Sum();

        // Act
        var (_, participants) = await Session.GetGatheredPageAsync($"/participants?{Spring}");

        // Assert
        Assert.Equal(0, Hooks.Count(Table(participants, "trend-people"), "chart-total"));
        Assert.Equal(joins.ToString(CultureInfo.InvariantCulture), Hooks.Value(Table(participants, "trend-participants"), "chart-total"));
    }

    [Fact]
    public async Task One_persons_meetings_show_that_persons_kpis_and_months_and_say_so()
    {
        // Arrange
        var person = PeopleInMeetings.BusiestName(Dataset.MeetingsBetween(SpringMonths[0].From, SpringMonths[^1].To));
        var joined = PeopleInMeetings.Joined(Dataset.MeetingsBetween(SpringMonths[0].From, SpringMonths[^1].To), person);

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{Spring}&participant={Uri.EscapeDataString(person)}");

        // Assert: the KPIs and every month count the meetings listed (each whole), and both say whose they are.
        Assert.Equal(HttpStatusCode.OK, status);
        var truth = AnalyticsTruth.Of(joined);
        Assert.Equal(
            (truth.Meetings, truth.ParticipantRows, truth.DistinctNames, truth.CallCost.ToString("0.00", CultureInfo.InvariantCulture)),
            (int.Parse(Hooks.Value(html, "kpi-meetings")!, CultureInfo.InvariantCulture), int.Parse(Hooks.Value(html, "kpi-participants")!, CultureInfo.InvariantCulture),
                int.Parse(Hooks.Value(html, "kpi-distinct-names")!, CultureInfo.InvariantCulture), Hooks.Value(html, "kpi-phone-cost")));
        Assert.Equal($"Meetings that {person} joined: 2025-02-10 – 2025-05-31 in every room", Heading(html, "kpi-title"));
        Assert.Equal(
            SpringMonths.Select(month => (decimal)PeopleInMeetings.Joined(Dataset.MeetingsBetween(month.From, month.To), person).Count),
            Values(html, "trend-meetings"));
        Assert.Equal(
            SpringMonths.Select(month => AnalyticsTruth.Of(PeopleInMeetings.Joined(Dataset.MeetingsBetween(month.From, month.To), person)).CallCost),
            Values(html, "trend-phone-cost"));
        Assert.Contains($"Meetings that {person} joined only, as in the list.", Text(html, "trends-note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persons_month_changes_on_the_same_persons_month_before()
    {
        // Arrange: April read into the archive by its own page.
        await Session.GetGatheredPageAsync("/meetings?from=2025-04-01&to=2025-04-30");
        var person = PeopleInMeetings.BusiestName(Dataset.MeetingsBetween(new(2025, 4, 1), new(2025, 5, 31)));
        var april = AnalyticsTruth.Of(PeopleInMeetings.Joined(Dataset.MeetingsBetween(new(2025, 4, 1), new(2025, 4, 30)), person));
        var may = AnalyticsTruth.Of(PeopleInMeetings.Joined(Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31)), person));

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?from=2025-05-01&to=2025-05-31&participant={Uri.EscapeDataString(person)}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [may.Meetings - april.Meetings, may.ParticipantRows - april.ParticipantRows, may.DistinctNames - april.DistinctNames, may.CallCost - april.CallCost],
            Differences(html, ["kpi-meetings", "kpi-participants", "kpi-distinct-names", "kpi-phone-cost"]));
    }

    [Fact]
    public async Task A_searchs_previous_period_not_yet_archived_is_offered_with_the_same_search()
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync("/meetings?from=2024-11-01&to=2024-11-30&q=%20review%20");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Meetings matching “review”: 2024-11-01 – 2024-11-30 in every room", Heading(html, "kpi-title"));
        Assert.Equal("/meetings?from=2024-10-01&to=2024-10-31&q=review&page_size=30", Hooks.Href(html, "kpi-comparison-previous"));
    }

    [Fact]
    public async Task A_one_month_period_shows_no_months_but_each_kpis_change_on_the_month_before()
    {
        // Arrange: April read into the archive by its own page.
        await Session.GetGatheredPageAsync("/meetings?from=2025-04-01&to=2025-04-30");
        var april = AnalyticsTruth.Of(Dataset.MeetingsBetween(new(2025, 4, 1), new(2025, 4, 30)));
        var may = AnalyticsTruth.Of(Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31)));

        // Act
        var (status, html) = await Session.GetGatheredPageAsync("/meetings?from=2025-05-01&to=2025-05-31");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Hooks.Count(html, "trends"));
        Assert.DoesNotContain("data-chart=", html, StringComparison.Ordinal);
        Assert.Contains("Changes are against 2025-04-01 – 2025-04-30, the calendar month before.", Text(html, "kpi-comparison"), StringComparison.Ordinal);
        Assert.Equal(
            [may.Meetings - april.Meetings, may.ActualMinutes - april.ActualMinutes, may.ScheduledMinutes - april.ScheduledMinutes, may.ParticipantRows - april.ParticipantRows,
             may.DistinctNames - april.DistinctNames, may.Calls - april.Calls, may.CallMinutes - april.CallMinutes, may.CallCost - april.CallCost, may.OverflowMeetings - april.OverflowMeetings],
            Differences(html, ["kpi-meetings", "kpi-actual-minutes", "kpi-scheduled-minutes", "kpi-participants", "kpi-distinct-names", "kpi-phone-calls", "kpi-phone-minutes", "kpi-phone-cost", "kpi-overflow"]));
        var meetings = Change(html, "kpi-meetings");
        var change = may.Meetings - april.Meetings;
        var percent = Math.Abs((decimal)change / april.Meetings).ToString("0.0%", CultureInfo.InvariantCulture);
        Assert.Contains(
            change switch
            {
                > 0 => $"up {change:N0} ({percent}) on the previous period",
                < 0 => $"down {-change:N0} ({percent}) on the previous period",
                _ => "the same as in the previous period",
            },
            meetings,
            StringComparison.Ordinal);
        Assert.Contains(change switch { > 0 => "▲ +", < 0 => "▼ −", _ => "= ±" }, meetings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_previous_period_the_archive_does_not_hold_is_not_read_for_a_comparison()
    {
        // Arrange
        var requests = Server.Services.GetRequiredService<SimulatorRequestLog>();

        // Act
        var (status, html) = await Session.GetGatheredPageAsync("/meetings?from=2024-09-01&to=2024-09-30");

        // Assert: no change on any KPI, the reason given, and August never asked of the service.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Hooks.Count(html, "kpi-meetings-change"));
        Assert.Contains("No comparison: the previous period (2024-08-01 – 2024-08-31) is not in the archive", Text(html, "kpi-comparison"), StringComparison.Ordinal);
        Assert.Equal("/meetings?from=2024-08-01&to=2024-08-31&page_size=30", Hooks.Href(html, "kpi-comparison-previous"));
        Assert.DoesNotContain(requests.Snapshot(), request => request.From is { } from && from.Year == 2024 && from.Month == 8);
    }

    [Fact]
    public async Task A_period_a_day_short_of_three_months_has_no_months()
    {
        // Act
        var (status, html) = await Session.GetGatheredPageAsync("/meetings?from=2025-03-17&to=2025-06-15");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Hooks.Count(html, "trends"));
        Assert.Equal(1, Hooks.Count(html, "kpis"));
    }

    [Fact]
    public async Task A_period_that_reaches_today_is_not_compared_while_its_figures_still_grow()
    {
        // Arrange: the app's today, not the simulator's last day of data.
        var today = Server.Services.GetRequiredService<UpstreamZone>().Today;
        var period = string.Create(CultureInfo.InvariantCulture, $"from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        // Act
        var (status, html) = await Session.GetGatheredPageAsync($"/meetings?{period}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Hooks.Count(html, "kpi-meetings-change"));
        Assert.Contains("No comparison with the previous period while this one is not over", Text(html, "kpi-comparison"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_that_ends_after_today_says_on_every_report_that_it_is_counted_up_to_today()
    {
        // Arrange
        var today = Server.Services.GetRequiredService<UpstreamZone>().Today;
        var (from, to) = (today.AddDays(-6), today.AddMonths(6));

        // Act
        var (status, html) = await Session.GetGatheredPageAsync(string.Create(CultureInfo.InvariantCulture, $"/meetings?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));

        var (_, telephony) = await Session.GetGatheredPageAsync(string.Create(CultureInfo.InvariantCulture, $"/telephony?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        var (_, participants) = await Session.GetGatheredPageAsync(string.Create(CultureInfo.InvariantCulture, $"/participants?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));

        // Assert: the same words wherever the period is named.
        var covered = string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} – {to:yyyy-MM-dd} (up to today, {today:yyyy-MM-dd})");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"The whole period: {covered} in every room", Heading(html, "kpi-title"));
        Assert.Contains(covered, Text(telephony, "summed-line"), StringComparison.Ordinal);
        Assert.Contains(covered, Text(participants, "summed-line"), StringComparison.Ordinal);
    }

    private static string Heading(string html, string testId) =>
        Spaces().Replace(WebUtility.HtmlDecode(Regex.Match(html, $@"data-testid=""{testId}""[^>]*>(?<text>.*?)</h2>", RegexOptions.Singleline).Groups["text"].Value), " ").Trim();

    /// <summary>The markup of a chart's "Show as table" table.</summary>
    private static string Table(string html, string chart) =>
        System.Text.RegularExpressions.Regex.Match(html, $@"<table[^>]*data-testid=""chart-{chart}-table"".*?</table>", System.Text.RegularExpressions.RegexOptions.Singleline).Value is { Length: > 0 } table
            ? table
            : throw new InvalidOperationException($"No table of the chart {chart}.");

    private static IReadOnlyList<decimal> Values(string html, string chart) => [.. ChartJson.Read(html, chart).Datasets.Single().Values];

    private static string Invariant(decimal value) => ((int)value).ToString(CultureInfo.InvariantCulture);

    private static decimal[] Differences(string html, IEnumerable<string> kpis) =>
        [.. kpis.Select(kpi => decimal.Parse(
            Regex.Match(html, $@"data-testid=""{kpi}-change""[^>]*data-difference=""(?<value>[^""]+)""").Groups["value"].Value, CultureInfo.InvariantCulture))];

    /// <summary>All the text of a KPI's change, what is shown and what is read out.</summary>
    private static string Change(string html, string kpi) =>
        WebUtility.HtmlDecode(Tags().Replace(Regex.Match(html, $@"data-testid=""{kpi}-change"".*?</dd>", RegexOptions.Singleline).Value, " "));

    private static string Text(string html, string testId) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Regex.Match(html, $@"data-testid=""{testId}"".*?</p>", RegexOptions.Singleline).Value, " ")), " ");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed record DatePeriodSpan(DateOnly From, DateOnly To)
    {
        public string Query => string.Create(CultureInfo.InvariantCulture, $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");
    }
}
