using System.Net;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>A server of its own: its failed sign-ins must not lock the shared server's address out, and its clock is the test's.</summary>
public sealed class ThrottledSignInServer() : ClockedServer(DateTimeOffset.UtcNow);

public sealed class SignInThrottleHttpTests : IClassFixture<ThrottledSignInServer>, IDisposable
{
    private const string Refused = "The user name or password is not correct.";
    private readonly ThrottledSignInServer _server;
    private readonly HttpSession _session;

    public SignInThrottleHttpTests(ThrottledSignInServer server)
    {
        _server = server;
        _session = new HttpSession(server.RootUri);

        // Each test starts a day after the last one, past every earlier test's failures.
        server.Clock.Advance(TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task After_five_wrong_passwords_for_a_name_even_the_right_one_is_refused_with_429()
    {
        // Arrange
        var failures = new List<(HttpStatusCode, string?)>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await _session.PostSignInAsync(DemoAccount.UserName, "wrong-" + attempt);
            failures.Add((wrong.StatusCode, Hooks.Text(await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "login-error")));
        }

        // Act
        using var response = await _session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.All(failures, failure => Assert.Equal((HttpStatusCode.Unauthorized, Refused), failure));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), response.Headers.RetryAfter?.Delta);
        Assert.Equal("Too many failed sign-ins. Try again in 15 minutes.", Hooks.Text(html, "login-error"));
    }

    [Fact]
    public async Task The_refusal_lasts_fifteen_minutes_from_the_failures()
    {
        // Arrange
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await _session.PostSignInAsync(DemoAccount.UserName, "wrong");
        }

        // Act
        _server.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        using var tooEarly = await _session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password);
        _server.Clock.Advance(TimeSpan.FromSeconds(1));
        using var inTime = await _session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, tooEarly.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), tooEarly.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Found, inTime.StatusCode);
    }

    [Fact]
    public async Task Failures_under_many_names_from_one_address_refuse_that_address()
    {
        // Arrange
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await _session.PostSignInAsync("guess-" + attempt, "wrong");
        }

        // Act
        using var response = await _session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Four_failures_then_the_right_password_signs_in()
    {
        // Arrange
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var wrong = await _session.PostSignInAsync(DemoAccount.UserName, "wrong");
        }

        // Act
        using var response = await _session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    public void Dispose() => _session.Dispose();
}
