using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.MeetingDetail;

public sealed class ListToMeetingJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private static readonly DateOnly From = new(2025, 5, 1);
    private static readonly DateOnly To = new(2025, 5, 31);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SignInAsDemoAdminAsync();
    }

    [Fact]
    public async Task A_meeting_opened_from_the_second_page_of_a_filtered_list_leads_back_to_that_same_page()
    {
        // Arrange: one room in May with phone usage, ten a page, on page 2.
        var meetings = new MeetingsPage(Page);
        var meeting = new MeetingPage(Page);
        var (hostId, _) = (await meetings.RoomChoicesAsync())[1];
        await meetings.ShowAsync(From, To, hostId, pageSize: 10, phoneUsage: true);
        await meetings.NextPageAsync();
        var listAddress = Page.Url;
        var listUuids = await meetings.RowUuidsAsync();

        // Act
        var opened = await meetings.OpenMeetingAsync(3);

        // Assert: the fourth row's meeting, carrying the list's filters.
        Assert.Equal(200, opened.Status);
        Assert.True(meeting.IsShown, $"Expected /meeting, got {Page.Url}");
        await Expect(meeting.Uuid).ToHaveTextAsync(listUuids[3]);
        Assert.Equal(listUuids[3], meeting.Query["uuid"]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["uuid"] = listUuids[3],
                ["from"] = "2025-05-01",
                ["to"] = "2025-05-31",
                ["back_host_id"] = hostId,
                ["back_show_telephony_usage"] = "true",
                ["back_page_size"] = "10",
                ["back_page_number"] = "2",
            },
            meeting.Query);

        // Act
        var back = await meeting.BackToListAsync();

        // Assert: the very list it came from, same address, same rows.
        Assert.Equal(200, back.Status);
        Assert.Equal(listAddress, Page.Url);
        Assert.Equal(listUuids, await meetings.RowUuidsAsync());
    }

    [Fact]
    public async Task The_timeline_is_drawn_with_one_row_per_person_and_one_bar_per_session_without_a_browser_error()
    {
        // Arrange: an ended May meeting where someone rejoined, so that a row holds two bars.
        var truth = SimulatorTruth.Ended(Server.Services.GetRequiredService<SimulatorDataset>(), From, To)
            .First(candidate => candidate.Participants.GroupBy(row => row.Name).Any(rows => rows.Count() > 1));
        var meeting = new MeetingPage(Page);

        // Act
        var response = await meeting.OpenAsync($"?uuid={Uri.EscapeDataString(truth.Uuid)}&from=2025-05-01&to=2025-05-31");
        var timeline = await meeting.TimelineStateAsync();

        // Assert
        Assert.Equal(200, response?.Status);
        Assert.Equal(
            new TimelineState
            {
                Rows = truth.Participants.Select(row => row.Name).Distinct(StringComparer.Ordinal).Count(),
                Bars = truth.Participants.Count,
                Painted = true,
            },
            timeline);
        await Expect(meeting.ParticipantRows).ToHaveCountAsync(timeline.Rows);
        await Expect(meeting.SessionRows).ToHaveCountAsync(timeline.Bars);
        Assert.Empty(BrowserErrors);

        // Assert: the axis reads clock times of the service's zone, from the meeting's start (to the minute) to its end.
        var (title, ticks) = await meeting.TimelineAxisAsync();
        Assert.Equal("Clock time in Asia/Shanghai (UTC+08:00)", title);
        Assert.Equal(truth.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), ticks[0]);
        Assert.Equal(truth.End!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), ticks[^1]);
        Assert.True(ticks.Count >= 3, $"Expected several ticks, got {string.Join(", ", ticks)}");
        Assert.All(ticks, tick => Assert.Matches("^([01][0-9]|2[0-3]):[0-5][0-9]$", tick));
    }

    [Fact]
    public async Task The_timelines_link_to_the_same_as_a_table_leads_to_every_session()
    {
        // Arrange
        var truth = SimulatorTruth.Ended(Server.Services.GetRequiredService<SimulatorDataset>(), From, To).First();
        var meeting = new MeetingPage(Page);
        await meeting.OpenAsync($"?uuid={Uri.EscapeDataString(truth.Uuid)}&from=2025-05-01&to=2025-05-31");

        // Act
        await meeting.TimelineAsTable.ClickAsync();

        // Assert
        Assert.EndsWith("#sessions", Page.Url, StringComparison.Ordinal);
        await Expect(meeting.SessionsTable).ToBeInViewportAsync();
        await Expect(meeting.SessionRows).ToHaveCountAsync(truth.Participants.Count);
    }
}
