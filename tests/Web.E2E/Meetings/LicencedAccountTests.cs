using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UMeetingReports.Core.Archive;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.Meetings;

/// <summary>The demo with Reports:Licences set, and an archive of its own (a test blanks a topic in it).</summary>
public sealed class LicencedServer : MeetingReportsServer
{
    public const int Licences = 6;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Reports:Licences"] = Licences.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>/meetings as an admin sees it when the account's room licences are configured.</summary>
public sealed class LicencedAccountTests(LicencedServer server, BrowserFixture browser) : BrowserTest(server, browser), IClassFixture<LicencedServer>
{
    private SimulatorDataset Dataset => Server.Services.GetRequiredService<SimulatorDataset>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SignInAsDemoAdminAsync();
    }

    [Fact]
    public async Task A_day_whose_peak_went_beyond_the_licences_says_by_how_many_and_that_more_are_needed()
    {
        // Arrange: the May day with the most meetings at once, every room counted.
        var (day, peak) = DailyPeaks().MaxBy(pair => pair.Peak);
        Assert.True(peak > LicencedServer.Licences, $"The data needs a day beyond {LicencedServer.Licences} meetings at once; the busiest has {peak}.");
        var meetings = new MeetingsPage(Page);

        // Act
        await meetings.ShownAsync((await meetings.OpenAsync($"?from={Day(day)}&to={Day(day)}"))!);

        // Assert
        var note = Page.GetByTestId("kpi-licences");
        await Expect(note).ToContainTextAsync($"peak {peak} of {LicencedServer.Licences} licences: {peak - LicencedServer.Licences} short");
        await Expect(Page.GetByTestId("kpi-licences-needed")).ToHaveTextAsync("More room licences needed.");
        await Expect(note).ToHaveAttributeAsync("data-peak", peak.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_licence_comparison_stays_the_whole_accounts_when_one_room_is_chosen()
    {
        // Arrange
        var (day, peak) = DailyPeaks().MaxBy(pair => pair.Peak);
        var room = Dataset.Rooms[0].HostId;
        var meetings = new MeetingsPage(Page);

        // Act
        await meetings.ShownAsync((await meetings.OpenAsync($"?from={Day(day)}&to={Day(day)}&host_id={room}"))!);

        // Assert
        await Expect(Page.GetByTestId("kpi-licences")).ToContainTextAsync($"peak {peak} of {LicencedServer.Licences} licences: {peak - LicencedServer.Licences} short (all rooms)");
    }

    [Fact]
    public async Task A_day_within_the_licences_compares_the_peak_and_says_nothing_about_needing_more()
    {
        // Arrange: a May day with meetings but no more at once than the licences.
        var (day, peak) = DailyPeaks().Where(pair => pair.Peak is > 0 and <= LicencedServer.Licences).MaxBy(pair => pair.Peak);
        var meetings = new MeetingsPage(Page);

        // Act
        await meetings.ShownAsync((await meetings.OpenAsync($"?from={Day(day)}&to={Day(day)}"))!);

        // Assert
        await Expect(Page.GetByTestId("kpi-licences")).ToHaveTextAsync($"peak {peak} of {LicencedServer.Licences} licences");
        await Expect(Page.GetByTestId("kpi-licences-needed")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("licences needed")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_day_first_counted_as_the_day_afters_previous_period_still_compares_its_peak_with_the_licences()
    {
        // Arrange: the day after is shown first, so its KPI comparison counts this day's KPIs before this day's page.
        var busiest = DailyPeaks().MaxBy(pair => pair.Peak).Day;
        var (day, peak) = DailyPeaks().Where(pair => pair.Peak > LicencedServer.Licences && pair.Day != busiest && pair.Day.AddDays(1) != busiest).MinBy(pair => pair.Day);
        var meetings = new MeetingsPage(Page);
        await meetings.ShownAsync((await meetings.OpenAsync($"?from={Day(day.AddDays(1))}&to={Day(day.AddDays(1))}"))!);

        // Act
        await meetings.ShownAsync((await meetings.OpenAsync($"?from={Day(day)}&to={Day(day)}"))!);

        // Assert
        await Expect(Page.GetByTestId("kpi-licences")).ToContainTextAsync($"peak {peak} of {LicencedServer.Licences} licences: {peak - LicencedServer.Licences} short");
    }

    [Fact]
    public async Task A_meeting_without_a_topic_is_opened_from_a_link_that_still_has_words()
    {
        // Arrange: a May meeting whose topic the archive holds as empty (the simulator always writes one).
        var meetings = new MeetingsPage(Page);
        var meeting = new MeetingPage(Page);
        var target = Dataset.MeetingsBetween(new DateOnly(2025, 5, 6), new DateOnly(2025, 5, 6))[0];
        await meetings.ShownAsync((await meetings.OpenAsync("?from=2025-05-06&to=2025-05-06"))!);
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ArchiveContext>();
            var blanked = await context.Meetings.Where(row => row.Uuid == target.Uuid)
                .ExecuteUpdateAsync(row => row.SetProperty(column => column.Topic, "").SetProperty(column => column.TopicSearch, ""), TestContext.Current.CancellationToken);
            Assert.Equal(1, blanked);
        }

        // Act
        await meetings.OpenAsync($"?from=2025-05-06&to=2025-05-06&uuid={Uri.EscapeDataString(target.Uuid)}");
        var link = meetings.Rows.GetByRole(AriaRole.Link, new() { Name = "(no topic)", Exact = true });
        await Expect(link).ToHaveCountAsync(1);
        await Page.RunAndWaitForPageAsync(() => link.ClickAsync());

        // Assert: the meeting's page, which names its record id.
        await Expect(meeting.Uuid).ToHaveTextAsync(target.Uuid);
    }

    /// <summary>Each May day and the most meetings held at once on it, every room counted, as /meetings would count that day.</summary>
    private List<(DateOnly Day, int Peak)> DailyPeaks() =>
        Enumerable.Range(1, 31)
            .Select(number => new DateOnly(2025, 5, number))
            .Select(day => (day, AnalyticsTruth.PeakConcurrent(Dataset.MeetingsBetween(day, day), Dataset.Now)))
            .ToList();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
