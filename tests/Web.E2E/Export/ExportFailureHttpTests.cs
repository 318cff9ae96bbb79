using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>A server of its own, whose simulator the tests below break for one month each; a failure is retried once, at once.</summary>
public sealed class FaultyExportServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["UMeeting:MaxRetryAttempts"] = "1",
        ["UMeeting:RetryDelay"] = "00:00:00",
    };
}

/// <summary>
/// When the meeting service fails, /export sends no file but a 502 page naming the month that is missing — whether the
/// failure comes while the download is planned (page 1 of a month) or while it is written (a later page).
/// </summary>
public sealed class ExportFailureHttpTests(FaultyExportServer server) : IClassFixture<FaultyExportServer>, IDisposable
{
    private readonly HttpSession _session = new(server.RootUri);

    private SimulatorFaults Faults => server.Services.GetRequiredService<SimulatorFaults>();

    [Fact]
    public async Task A_month_whose_first_page_fails_gives_a_502_page_and_no_file()
    {
        // Arrange
        await _session.SignInAsDemoAdminAsync();
        Faults.Add(new FaultRule(FaultKind.ServerError, When: request => request.From == new DateOnly(2025, 4, 1) && request.PageNumber == 1));

        // Act
        using var response = await _session.GetAsync("/export?from=2025-03-01&to=2025-04-30&format=xlsx");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.StartsWith("The meeting service did not answer for 2025-04-01 – 2025-04-30", Hooks.Text(html, "upstream-failure-reason"), StringComparison.Ordinal);
        Assert.Equal(1, Hooks.Count(html, "no-file"));
    }

    [Fact]
    public async Task A_month_whose_later_page_fails_while_the_file_is_written_gives_a_502_page_and_no_attachment()
    {
        // Arrange: page 1 of every month answers (the download is planned and starts), page 2 of February fails.
        await _session.SignInAsDemoAdminAsync();
        Faults.Add(new FaultRule(FaultKind.ServerError, When: request => request.From == new DateOnly(2025, 2, 1) && request.PageNumber == 2));

        // Act
        using var response = await _session.GetAsync("/export?from=2025-02-01&to=2025-02-28&format=csv&table=meetings");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.StartsWith("The meeting service did not answer for 2025-02-01 – 2025-02-28", Hooks.Text(html, "upstream-failure-reason"), StringComparison.Ordinal);
        Assert.DoesNotContain("Meeting UUID", html, StringComparison.Ordinal);
    }

    public void Dispose() => _session.Dispose();
}
