using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.E2E.Analytics;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>A production server whose meetings report throws: a bug, not an upstream failure.</summary>
public sealed class BrokenReportServer : MeetingReportsServer
{
    public const string Secret = "stack-trace-marker-7f3a";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IMeetingsReportService, ThrowingReport>()));
    }

    private sealed class ThrowingReport : IMeetingsReportService
    {
        public Task<UpstreamResult<MeetingsReport>> GetAsync(MeetingsRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}

public sealed class UnexpectedFailureHttpTests(BrokenReportServer server) : IClassFixture<BrokenReportServer>
{
    [Fact]
    public async Task A_bug_shows_the_500_page_with_a_request_id_and_without_the_exception()
    {
        // Arrange
        using var session = new HttpSession(server.RootUri);
        await session.SignInAsDemoAdminAsync();

        // The month read into the archive first (a first read may answer 202 with progress), so the report itself runs.
        await session.GetGatheredPageAsync("/meetings?from=2025-05-01&to=2025-05-31");

        // Act
        using var response = await session.GetAsync("/meetings?from=2025-05-01&to=2025-05-31");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("500", Hooks.Value(html, "error-status"));
        Assert.Equal("Something went wrong on our side. Quote the request id below to your administrator.", Hooks.Text(html, "error-message"));
        Assert.False(string.IsNullOrWhiteSpace(Hooks.Text(html, "request-id")));
        Assert.DoesNotContain(BrokenReportServer.Secret, html, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
