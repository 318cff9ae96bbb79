using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>
/// A Viewer's workbook and CSV hold no whole phone number in any cell or field; an Admin's hold them whole, so the
/// search is known to find numbers where they are.
/// </summary>
[Collection(ConfiguredAccounts.Name)]
public sealed class ViewerExportHttpTests(AccountsServer server) : IDisposable
{
    private const string May = "from=2025-05-01&to=2025-05-31";

    private readonly HttpSession _session = new(server.RootUri);

    private List<string> Numbers =>
        [.. server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31))
            .SelectMany(meeting => meeting.Telephony).Select(call => call.PhoneNumber).Distinct()];

    [Fact]
    public async Task A_viewers_workbook_holds_no_whole_phone_number_in_any_cell_and_says_they_are_masked()
    {
        // Arrange
        await _session.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);

        // Act
        var download = await _session.FetchAsync($"/export?{May}&format=xlsx");
        using var workbook = DownloadedFiles.Workbook(download.Bytes);
        var cells = workbook.EveryCell().ToList();

        // Assert
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("", DownloadedFiles.WholePhoneNumberIn(cells.Select(cell => cell.Text), Numbers));
        Assert.NotEmpty(Numbers);
        Assert.NotEqual(0, workbook.Worksheet("Telephony").DataRows());
        Assert.Equal("Masked", workbook.SummaryValue("Phone numbers"));
    }

    [Fact]
    public async Task A_viewers_telephony_csv_holds_no_whole_phone_number()
    {
        // Arrange
        await _session.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);

        // Act
        var download = await _session.FetchAsync($"/export?{May}&format=csv&table=telephony");

        // Assert
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("", DownloadedFiles.WholePhoneNumberIn(DownloadedFiles.CsvRecords(download.Text).SelectMany(record => record), Numbers));
    }

    [Fact]
    public async Task An_admins_workbook_holds_the_same_numbers_whole()
    {
        // Arrange
        await _session.SignInAsDemoAdminAsync();

        // Act
        var download = await _session.FetchAsync($"/export?{May}&format=xlsx");
        using var workbook = DownloadedFiles.Workbook(download.Bytes);

        // Assert
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.NotEqual("", DownloadedFiles.WholePhoneNumberIn(workbook.EveryCell().Select(cell => cell.Text), Numbers));
        Assert.Equal(Numbers.Order(), workbook.Worksheet("Telephony").ColumnValues("Phone number").Distinct().Order());
    }

    public void Dispose() => _session.Dispose();
}
