using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.MeetingDetail;

/// <summary>
/// A Viewer cannot get a whole phone number from any address: every page that could show one is fetched over HTTP
/// and searched, markup, attributes and the chart's JSON included. The same pages for an Admin do show them, so
/// the search is known to find numbers where they are.
/// </summary>
[Collection(ConfiguredAccounts.Name)]
public sealed partial class ViewerPhoneNumberHttpTests(AccountsServer server) : IDisposable
{
    private static readonly DateOnly From = new(2025, 5, 1);
    private static readonly DateOnly To = new(2025, 5, 3);
    private const string Period = "from=2025-05-01&to=2025-05-03";

    private readonly HttpSession _session = new(server.RootUri);

    private List<SimulatedMeeting> MeetingsWithCalls =>
        server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(From, To).Where(meeting => meeting.Telephony.Count > 0).ToList();

    [Theory]
    [InlineData("/meetings?" + Period + "&participant=%2B8613712349201")]
    [InlineData("/meetings?" + Period + "&participant=137%201234%209201")]
    [InlineData("/meetings?" + Period + "&participant=%2B8613712349201%E2%80%8B")]
    [InlineData("/meetings?" + Period + "&participant=%EF%BC%8B%EF%BC%98%EF%BC%96%EF%BC%91%EF%BC%93%EF%BC%97%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%99%EF%BC%92%EF%BC%90%EF%BC%91")]
    [InlineData("/export?" + Period + "&format=xlsx&participant=%2B8613712349201")]
    public async Task A_viewer_cannot_look_up_meetings_by_a_phone_number_so_no_guess_of_a_hidden_one_is_confirmed(string address)
    {
        // Arrange: an answer of "meetings" or "none" would tell whether a guessed number is the one masked.
        await _session.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);
        using var admin = new HttpSession(server.RootUri);
        await admin.SignInAsDemoAdminAsync();

        // Act
        var (status, html) = await _session.GetPageAsync(address);
        var (adminStatus, _) = await admin.GetPageAsync(address);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Your account sees phone numbers masked, so it cannot look up a person by a phone number.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.BadRequest, adminStatus);
    }

    [Fact]
    public async Task No_page_a_viewer_can_open_holds_a_whole_phone_number()
    {
        // Arrange
        await _session.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);
        var meetings = MeetingsWithCalls;
        var numbers = meetings.SelectMany(meeting => meeting.Telephony).Select(call => call.PhoneNumber).Distinct().ToList();
        var addresses = meetings
            .SelectMany(meeting => new[]
            {
                $"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{Period}",
                $"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&from=2025-05-01&to=2025-05-31&back_show_telephony_usage=true",
            })
            .Concat(
            [
                $"/meetings?{Period}&show_participants=true&show_telephony_usage=true&page_size=300",
                $"/participants?{Period}&page_size=300",
                $"/participants?from=2025-05-01&to=2025-05-31&page_size=300&sort=name&dir=asc",
                $"/participants?{Period}&name=%2B86&page_size=300",
            ])
            .ToList();

        foreach (var address in addresses)
        {
            // Act
            var (status, html) = await _session.GetPageAsync(address);

            // Assert: neither the number nor its digits, in the markup as sent or decoded.
            Assert.Equal((address, HttpStatusCode.OK), (address, status));
            Assert.Equal((address, ""), (address, WholeNumberIn(html, numbers)));
        }

        Assert.True(meetings.Count >= 5, $"Only {meetings.Count} meetings with phone legs in the period.");
    }

    [Fact]
    public async Task An_admin_sees_the_same_meetings_numbers_whole()
    {
        // Arrange
        await _session.SignInAsDemoAdminAsync();
        var meeting = MeetingsWithCalls[0];

        // Act
        var (status, html) = await _session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{Period}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(meeting.Telephony[0].PhoneNumber, WholeNumberIn(html, [.. meeting.Telephony.Select(call => call.PhoneNumber)]));
        Assert.Equal(0, Hooks.Count(html, "numbers-masked"));
    }

    /// <summary>The first whole number found (by its national digits, or as a +86 mobile number anywhere); empty when none.</summary>
    private static string WholeNumberIn(string html, IReadOnlyList<string> numbers)
    {
        var decoded = WebUtility.HtmlDecode(html);
        var known = numbers.FirstOrDefault(number =>
            html.Contains(NationalDigits(number), StringComparison.Ordinal) || decoded.Contains(NationalDigits(number), StringComparison.Ordinal));
        return known ?? (ChineseMobile().Match(decoded) is { Success: true } match ? match.Value : "");
    }

    /// <summary>The number without its plus and country code's first digits: enough to identify it, however it is escaped.</summary>
    private static string NationalDigits(string number) => number[^9..];

    [GeneratedRegex(@"\+\s*86[\s-]*1\d{10}")]
    private static partial Regex ChineseMobile();

    public void Dispose() => _session.Dispose();
}
