using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Issue 6 §4: a full run — failed and successful sign-ins, every report, upstream faults of every kind — with every
/// log line captured at Debug, and afterwards neither the upstream secret nor any password typed appears in a log
/// line, an address or a page. The passwords are unique phrases, so that finding one cannot be a coincidence
/// (the demo's "admin" is also a user name).
/// </summary>
[Collection(SecurityTests.Name)]
public sealed class SecretsTests(SecurityServer server)
{
    private const string Period = "from=2025-06-10&to=2025-06-12";

    /// <summary>A wrong password someone typed is a secret too: it is often a right one for something else.</summary>
    private const string MistypedPassword = "Wrong-Pa55-guess-41";

    /// <summary>A user name that reaches the logs as typed, so that a password logged the same way would be found.</summary>
    private const string UnknownUser = "nobody-7c1e";

    /// <summary>
    /// The faults applied, each to a month of its own that no other test asks for (the archive reads whole months,
    /// from their first day), so that no month already archived hides them.
    /// </summary>
    private static readonly (FaultKind Kind, DateOnly Month)[] Faults =
    [
        (FaultKind.ServerError, new(2024, 8, 1)),
        (FaultKind.Rejected, new(2024, 9, 1)),
        (FaultKind.MalformedJson, new(2024, 10, 1)),
        (FaultKind.TooManyRequests, new(2024, 11, 1)),
        (FaultKind.CutShortEcho, new(2024, 12, 1)),
        (FaultKind.EmptyPage, new(2025, 1, 1)),
    ];

    private static readonly string[] Secrets = [SecurityServer.ApiSecret, SecurityServer.AdminPassword, SecurityServer.ViewerPassword, MistypedPassword];

    private readonly List<string> _addresses = [];
    private readonly List<string> _pages = [];

    [Fact]
    public async Task No_log_line_address_or_page_of_a_full_run_holds_the_api_secret_or_a_password_and_no_log_line_a_full_phone_number()
    {
        // Arrange
        var faults = server.Services.GetRequiredService<SimulatorFaults>();
        var reports = AppEndpoints.Of(server)
            .Where(endpoint => endpoint.IsPage && !endpoint.HasParameters && endpoint.Path is not ("/meeting" or "/account/login" or "/account/logout"))
            .Select(endpoint => endpoint.Path)
            .ToList();
        var meeting = server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(new(2025, 6, 10), new(2025, 6, 12)).First(candidate => candidate.Telephony.Count > 0);
        using var viewer = new RawSession(server.RootUri);
        using var admin = new RawSession(server.RootUri);

        // Act: sign-ins that fail, then succeed.
        await SignInAsync(admin, SecurityServer.AdminName, MistypedPassword, HttpStatusCode.Unauthorized);
        await SignInAsync(admin, UnknownUser, SecurityServer.AdminPassword, HttpStatusCode.Unauthorized);
        await SignInAsync(viewer, SecurityServer.ViewerName, SecurityServer.AdminPassword, HttpStatusCode.Unauthorized);
        await SignInAsync(viewer, SecurityServer.ViewerName, SecurityServer.ViewerPassword, HttpStatusCode.Found);
        await SignInAsync(admin, SecurityServer.AdminName, SecurityServer.AdminPassword, HttpStatusCode.Found);

        // Act: every report and a meeting, as each role.
        foreach (var session in new[] { viewer, admin })
        {
            foreach (var target in reports.Select(path => $"{path}?{Period}").Append($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&{Period}"))
            {
                await GetAsync(session, target);
            }
        }

        // Act: each fault of the upstream, in a month of its own.
        try
        {
            foreach (var (kind, month) in Faults)
            {
                faults.Add(new FaultRule(kind, When: request => request.From == month, RetryAfterSeconds: 1, Message: "Busy, try later"));
                var date = month.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var oneDay = $"from={date}&to={date}";
                await GetAsync(admin, $"/meetings?{oneDay}&show_participants=true&show_telephony_usage=true");
                await GetAsync(admin, $"/telephony?{oneDay}");
            }
        }
        finally
        {
            faults.Clear();
        }

        // Assert
        var lines = server.Logs.Lines;
        var phoneNumbers = server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(new(2025, 6, 10), new(2025, 6, 12))
            .SelectMany(candidate => candidate.Telephony).Select(call => call.PhoneNumber).Distinct().ToList();
        Assert.NotEmpty(phoneNumbers);
        Assert.DoesNotContain(lines, line => phoneNumbers.Any(number => line.Contains(number, StringComparison.Ordinal)));
        Assert.Empty(Leaks("log line", lines));
        Assert.Empty(Leaks("address", _addresses));
        Assert.Empty(Leaks("page", _pages));
        Assert.Contains(lines, line => line.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(UnknownUser, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($"{SecurityServer.AdminName} (Admin) signed in", StringComparison.Ordinal));
        Assert.All(Faults, fault => Assert.Contains(lines, line => line.Contains($"Simulator applies fault {fault.Kind}", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.Contains("Upstream page", StringComparison.Ordinal) && line.Contains("failed", StringComparison.Ordinal));
    }

    private async Task SignInAsync(RawSession session, string userName, string password, HttpStatusCode expected)
    {
        using var response = await session.PostSignInAsync(userName, password);
        Assert.Equal((userName, expected), (userName, response.StatusCode));
        _addresses.Add(response.RequestMessage!.RequestUri!.ToString());
        _addresses.AddRange(response.Headers.Location is { } location ? [location.ToString()] : []);
        _pages.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task GetAsync(RawSession session, string target)
    {
        using var response = await session.GetAsync(target);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.BadGateway, $"{target} answered {(int)response.StatusCode}.");
        _addresses.Add(target);
        _addresses.AddRange(PageFields.LocalLinks(html));
        _pages.Add(html);
    }

    /// <summary>Each text that holds a secret, named by where it was and which secret (never the secret itself).</summary>
    private static List<string> Leaks(string where, IEnumerable<string> texts) =>
        [.. texts.SelectMany(text => Secrets.Select((secret, index) => (secret, index)).Where(pair => text.Contains(pair.secret, StringComparison.Ordinal))
            .Select(pair => $"{where} holds secret #{pair.index}: {Excerpt(text, pair.secret)}"))];

    private static string Excerpt(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        var start = Math.Max(0, at - 120);
        return text[start..Math.Min(text.Length, at + secret.Length + 40)].Replace(secret, "<SECRET>", StringComparison.Ordinal);
    }
}
