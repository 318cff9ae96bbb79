using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Issue 6 §5: outside Development the error page gives a request id to quote and nothing of the failure itself.
/// (The shared harness runs in Development, the factory's default; this server runs in Production.)
/// </summary>
[Collection(SecurityTests.Name)]
public sealed partial class ErrorPageTests(SecurityServer server) : IDisposable
{
    private readonly RawSession _session = new(server.RootUri);

    [Fact]
    public async Task Outside_development_a_bug_shows_the_500_sentence_and_a_request_id_the_log_knows_and_no_stack_trace()
    {
        // Arrange
        await _session.SignInAsync(SecurityServer.AdminName, SecurityServer.AdminPassword);

        // Act
        using var response = await _session.GetAsync($"/meetings?from=2025-06-10&to=2025-06-12&uuid={SecurityServer.FailingUuid}");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        var requestId = Hooks.Text(html, "request-id");
        Assert.Equal(Environments.Production, server.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong on our side. Quote the request id below to your administrator.", Hooks.Text(html, "error-message"));
        Assert.Matches(W3cId(), requestId);
        Assert.Contains(SecurityServer.BugMessage, server.Logs.ExceptionFor(requestId), StringComparison.Ordinal);
        Assert.DoesNotContain(SecurityServer.BugMessage, html, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), html);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_a_missing_page_shows_the_404_sentence_and_a_request_id()
    {
        // Arrange
        await _session.SignInAsync(SecurityServer.ViewerName, SecurityServer.ViewerPassword);

        // Act
        using var response = await _session.GetAsync("/no/such/report?from=2025-06-10");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", Hooks.Value(html, "error-status"));
        Assert.Equal("There is no page at this address.", Hooks.Text(html, "error-message"));
        Assert.Matches(W3cId(), Hooks.Text(html, "request-id"));
        Assert.DoesNotMatch(StackFrame(), html);
    }

    public void Dispose() => _session.Dispose();

    [GeneratedRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$")]
    private static partial Regex W3cId();

    [GeneratedRegex(@"\bat [\w.`<>|]+\(.*\) in |\bat UMeetingReports\.|--- End of")]
    private static partial Regex StackFrame();
}
