using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>
/// "Download Excel" clicked on the report pages: the browser saves a workbook of exactly the filters on screen — the
/// whole period, not the page of it the table shows.
/// </summary>
public sealed class DownloadJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private static readonly DateOnly From = new(2025, 5, 1);
    private static readonly DateOnly To = new(2025, 5, 31);

    private SimulatorDataset Dataset => Server.Services.GetRequiredService<SimulatorDataset>();

    [Fact]
    public async Task Download_excel_on_the_meetings_list_saves_every_meeting_of_the_period_not_just_the_page_shown()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var room = Dataset.Rooms.Single(room => room.Name == "Beijing Board Room");
        var truth = Dataset.MeetingsBetween(From, To, room.HostId);
        var meetings = new MeetingsPage(Page);
        // A month the archive has not read yet shows progress first; the page reloads itself with the table.
        await meetings.ShownAsync((await meetings.OpenAsync($"?from=2025-05-01&to=2025-05-31&host_id={room.HostId}&page_size=10"))!);

        // Act
        var file = await new ReportDownloads(Page).SaveExcelAsync();
        using var workbook = file.OpenWorkbook();

        // Assert
        Assert.Equal(10, await meetings.Rows.CountAsync());
        Assert.True(truth.Count > 10, "The period must hold more meetings than the page shows.");
        Assert.Equal("umeeting-meetings_2025-05-01_2025-05-31_Beijing-Board-Room.xlsx", file.Name);
        // In the list's order, the newest first, as its rows are.
        Assert.Equal(
            truth.OrderByDescending(meeting => meeting.Start).ThenBy(meeting => meeting.Uuid, StringComparer.Ordinal).Select(meeting => meeting.Uuid),
            workbook.Worksheet("Meetings").ColumnValues("Meeting UUID"));
        Assert.Equal(truth.Sum(meeting => meeting.Participants.Count), workbook.Worksheet("Joins").DataRows());
        Assert.True(meetings.IsShown, "The download took the browser away from the list.");
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task A_csv_link_on_the_meetings_list_saves_that_table_of_the_period()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var truth = Dataset.MeetingsBetween(new DateOnly(2025, 5, 12), new DateOnly(2025, 5, 18));
        await new MeetingsPage(Page).OpenAsync("?from=2025-05-12&to=2025-05-18");

        // Act
        var file = await ReportDownloads.SaveAsync(Page, new ReportDownloads(Page).Csv("participants"));
        var records = DownloadedFiles.CsvRecords(System.Text.Encoding.UTF8.GetString(file.Bytes).TrimStart('\uFEFF'));

        // Assert
        Assert.Equal("umeeting-joins_2025-05-12_2025-05-18.csv", file.Name);
        Assert.Equal(truth.Sum(meeting => meeting.Participants.Count), records.Count - 1);
        // A record id is base64: one that begins with '+' is a formula to Excel, so CSV carries it after an apostrophe.
        // Each meeting's joins together, the meetings in the list's order (the newest first).
        Assert.Equal(
            truth.OrderByDescending(meeting => meeting.Start).ThenBy(meeting => meeting.Uuid, StringComparer.Ordinal)
                .SelectMany(meeting => meeting.Participants.Select(_ => meeting.Uuid.StartsWith('+') ? "'" + meeting.Uuid : meeting.Uuid)),
            records.Skip(1).Select(record => record[0]));
    }

    [Fact]
    public async Task Download_excel_on_a_meeting_saves_that_meeting_alone_with_its_joins_and_calls()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var meetings = new MeetingsPage(Page);
        await meetings.OpenAsync("?from=2025-05-01&to=2025-05-31");
        await meetings.OpenMeetingAsync(0);
        var uuid = (await new MeetingPage(Page).Uuid.TextContentAsync())!.Trim();
        var meeting = Dataset.FindByUuid(uuid)!;
        var room = Dataset.Rooms.Single(room => room.HostId == meeting.HostId);
        var day = DateOnly.FromDateTime(meeting.Start).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var file = await new ReportDownloads(Page).SaveExcelAsync();
        using var workbook = file.OpenWorkbook();

        // Assert
        Assert.StartsWith($"umeeting-meetings_{day}_{day}_", file.Name, StringComparison.Ordinal);
        Assert.Equal([uuid], workbook.Worksheet("Meetings").ColumnValues("Meeting UUID"));
        Assert.Equal(meeting.Participants.Count, workbook.Worksheet("Joins").DataRows());
        Assert.Equal(meeting.Telephony.Count, workbook.Worksheet("Telephony").DataRows());
        Assert.Equal([room.Name], workbook.Worksheet("Rooms").ColumnValues("Room"));
        Assert.Equal(uuid, workbook.SummaryValue("Meeting record (uuid)"));
    }

    [Fact]
    public async Task Download_excel_on_the_telephony_report_saves_every_call_of_the_room_and_period()
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var room = Dataset.Rooms[3];
        var calls = Dataset.MeetingsBetween(From, To, room.HostId).SelectMany(meeting => meeting.Telephony).ToList();
        await new TelephonyPage(Page).OpenAsync($"?from=2025-05-01&to=2025-05-31&host_id={room.HostId}");

        // Act
        var file = await new ReportDownloads(Page).SaveExcelAsync();
        using var workbook = file.OpenWorkbook();
        var telephony = workbook.Worksheet("Telephony");

        // Assert
        Assert.Equal(calls.Count, telephony.DataRows());
        Assert.Equal(calls.Select(call => call.PhoneNumber), telephony.ColumnValues("Phone number"));
        var cost = telephony.ColumnNumber("Phone cost");
        Assert.Equal(calls.Sum(call => call.Total), Enumerable.Range(2, telephony.DataRows()).Sum(row => Math.Round((decimal)telephony.Cell(row, cost).GetDouble(), 2)));
    }

    [Theory]
    [InlineData("/participants", "participants")]
    [InlineData("/rooms", "rooms")]
    public async Task The_other_reports_offer_a_workbook_of_their_filters_named_as_made_from_them(string path, string report)
    {
        // Arrange
        await SignInAsDemoAdminAsync();
        var room = Dataset.Rooms[2].HostId;

        // Act
        await Page.GotoAsync($"{path.TrimStart('/')}?from=2025-05-01&to=2025-05-31&host_id={room}");
        var href = await new ReportDownloads(Page).Excel.GetAttributeAsync("href");

        // Assert
        Assert.Equal($"/export?from=2025-05-01&to=2025-05-31&host_id={room}&format=xlsx&report={report}", href);
    }
}
