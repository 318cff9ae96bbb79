using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Telephony;

/// <summary>
/// A Viewer's /telephony holds no whole phone number anywhere (markup, attributes, chart JSON); an Admin's does, so
/// the search is known to find numbers where they are.
/// </summary>
[Collection(ConfiguredAccounts.Name)]
public sealed partial class ViewerTelephonyHttpTests(AccountsServer server) : IDisposable
{
    private const string Address = "/telephony?from=2025-05-01&to=2025-05-31";

    private readonly HttpSession _session = new(server.RootUri);

    private List<string> Numbers =>
        [.. server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31))
            .SelectMany(meeting => meeting.Telephony).Select(call => call.PhoneNumber).Distinct()];

    [Fact]
    public async Task A_viewers_telephony_page_holds_no_whole_phone_number_and_says_they_are_hidden()
    {
        // Arrange
        await _session.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);

        // Act
        var (status, html) = await _session.GetGatheredPageAsync(Address);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", WholeNumberIn(html, Numbers));
        Assert.Equal(1, Hooks.Count(html, "numbers-masked"));
        var labels = ChartJson.Read(html, "telephony-top-numbers").Labels;
        Assert.Equal(10, labels.Count);
        Assert.All(labels, label => Assert.Contains("***", label, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admins_telephony_page_shows_the_same_numbers_whole()
    {
        // Arrange
        await _session.SignInAsDemoAdminAsync();

        // Act
        var (status, html) = await _session.GetGatheredPageAsync(Address);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual("", WholeNumberIn(html, Numbers));
        Assert.All(ChartJson.Read(html, "telephony-top-numbers").Labels, label => Assert.Contains(label, Numbers));
    }

    /// <summary>The first whole number found (by its last nine digits, or as a +86 mobile number anywhere); empty when none.</summary>
    private static string WholeNumberIn(string html, IReadOnlyList<string> numbers)
    {
        var decoded = WebUtility.HtmlDecode(html);
        var known = numbers.FirstOrDefault(number => html.Contains(number[^9..], StringComparison.Ordinal) || decoded.Contains(number[^9..], StringComparison.Ordinal));
        return known ?? (ChineseMobile().Match(decoded) is { Success: true } match ? match.Value : "");
    }

    [GeneratedRegex(@"\+\s*86[\s-]*1\d{10}")]
    private static partial Regex ChineseMobile();

    public void Dispose() => _session.Dispose();
}
