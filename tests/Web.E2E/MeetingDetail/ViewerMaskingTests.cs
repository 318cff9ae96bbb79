using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace UMeetingReports.Web.E2E.MeetingDetail;

[Collection(ConfiguredAccounts.Name)]
public sealed partial class ViewerMaskingTests(AccountsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task A_viewer_sees_each_number_with_its_middle_hidden_and_its_last_four_digits_kept()
    {
        // Arrange
        var truth = Server.Services.GetRequiredService<SimulatorDataset>()
            .MeetingsBetween(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31))
            .First(meeting => meeting.Telephony.Count > 1);
        var meeting = new MeetingPage(Page);
        await SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);

        // Act
        await meeting.OpenAsync($"?uuid={Uri.EscapeDataString(truth.Uuid)}&from=2025-05-01&to=2025-05-31");
        var shown = (await meeting.TelephonyNumbers.AllTextContentsAsync()).Select(text => text.Trim()).ToList();

        // Assert
        await Expect(meeting.CurrentRole).ToHaveTextAsync("Viewer");
        await Expect(meeting.NumbersMaskedNotice).ToBeVisibleAsync();
        Assert.Equal(truth.Telephony.Count, shown.Count);
        Assert.All(shown, number => Assert.Matches(Masked(), number));
        Assert.Equal(truth.Telephony.Select(call => call.PhoneNumber[^4..]), shown.Select(number => number[^4..]));
        Assert.All(truth.Telephony, call => Assert.DoesNotContain(call.PhoneNumber, shown));
    }

    /// <summary>"+86 137****9201": the country code, at most three leading digits, at least three stars, four digits.</summary>
    [GeneratedRegex(@"^\+\d{1,3} \d{0,3}\*{3,}\d{4}$")]
    private static partial Regex Masked();
}
