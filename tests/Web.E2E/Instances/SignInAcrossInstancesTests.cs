using System.Net;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Instances;

/// <summary>
/// Two real instances of the app on one PostgreSQL database, as behind a load balancer without sticky sessions: the
/// data-protection keys, the ended sessions and the sign-in counters are the database's, so either instance honours
/// what the other did (a sign-out on the other instance within the ended sessions' lifetime, a remembered "not ended"
/// lasting no longer), and a restart of both forgets none of it.
/// </summary>
public sealed class SignInAcrossInstancesTests
{
    [Fact]
    public async Task A_cookie_from_one_instance_works_on_the_other_and_once_signed_out_there_stays_refused_everywhere_after_both_restart()
    {
        // Arrange
        await using var database = await SharedPostgres.CreateAsync();
        var a = await InstanceServer.StartAsync(database.ConnectionString);
        var b = await InstanceServer.StartAsync(database.ConnectionString);
        using var browser = new SharedBrowser();
        using var staying = new SharedBrowser();
        await browser.SignInAsync(a.RootUri, DemoAccount.UserName, DemoAccount.Password);
        await staying.SignInAsync(b.RootUri, DemoAccount.UserName, DemoAccount.Password);
        var copied = browser.CookieValue(a.RootUri) ?? throw new InvalidOperationException("Signing in on A set no cookie.");

        // Each request of the copy from a jar of its own: a refusal deletes the cookie from the jar that sent it.
        async Task<(HttpStatusCode Status, string? Location)> CopyAsync(InstanceServer instance)
        {
            using var thief = SharedBrowser.WithCopiedCookie(instance.RootUri, copied);
            var (status, location, _) = await thief.GetAsync(instance.RootUri, "archive");
            return (status, location);
        }

        // Act
        var onB = await browser.GetAsync(b.RootUri, "archive");
        var copyOnABefore = await CopyAsync(a);
        var copyOnBBefore = await CopyAsync(b);
        var signedOut = await browser.SignOutAsync(b.RootUri);
        var copyOnBAfter = await CopyAsync(b);
        a.Clock.Advance(UMeetingReports.Core.Instances.EndedSessions.Lifetime);
        var copyOnA = await CopyAsync(a);
        await a.DisposeAsync();
        await b.DisposeAsync();
        await using var a2 = await InstanceServer.StartAsync(database.ConnectionString);
        await using var b2 = await InstanceServer.StartAsync(database.ConnectionString);
        var copyOnA2 = await CopyAsync(a2);
        var copyOnB2 = await CopyAsync(b2);
        var stayingOnA2 = await staying.GetAsync(a2.RootUri, "archive");

        // Assert
        Assert.Equal(HttpStatusCode.OK, onB.Status);
        Assert.Equal(HttpStatusCode.OK, copyOnABefore.Status);
        Assert.Equal(HttpStatusCode.OK, copyOnBBefore.Status);
        Assert.Equal(HttpStatusCode.Found, signedOut);
        Assert.Equal((HttpStatusCode.Found, "/account/login?returnUrl=%2Farchive"), (copyOnBAfter.Status, copyOnBAfter.Location));
        Assert.Equal((HttpStatusCode.Found, "/account/login?returnUrl=%2Farchive"), (copyOnA.Status, copyOnA.Location));
        Assert.Equal((HttpStatusCode.Found, "/account/login?returnUrl=%2Farchive"), (copyOnA2.Status, copyOnA2.Location));
        Assert.Equal((HttpStatusCode.Found, "/account/login?returnUrl=%2Farchive"), (copyOnB2.Status, copyOnB2.Location));

        // The keys outlived both instances: a session nobody ended is still signed in after the restart.
        Assert.Equal(HttpStatusCode.OK, stayingOnA2.Status);
    }

    [Fact]
    public async Task Forty_parallel_wrong_passwords_for_one_name_from_forty_addresses_on_two_instances_check_five_and_then_only_slow_the_name_down()
    {
        // Arrange
        await using var database = await SharedPostgres.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            // The test's own requests stand for forty clients behind a proxy on this host.
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Auth:SlowedSignInInterval"] = "00:00:30",
        };
        await using var a = await InstanceServer.StartAsync(database.ConnectionString, settings);
        await using var b = await InstanceServer.StartAsync(database.ConnectionString, settings);
        using var browser = new SharedBrowser();
        var token = await browser.TokenAsync(a.RootUri, "account/login");

        // Act
        var attempts = Enumerable.Range(0, 40).Select(async index =>
        {
            using var response = await browser.PostSignInAsync(index % 2 == 0 ? a.RootUri : b.RootUri, DemoAccount.UserName, "wrong-" + index, token, $"203.0.113.{index + 1}");
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(attempts);
        using var rightTooSoon = await browser.PostSignInAsync(b.RootUri, DemoAccount.UserName, DemoAccount.Password, token, "198.51.100.7");
        a.Clock.Advance(TimeSpan.FromSeconds(30));
        b.Clock.Advance(TimeSpan.FromSeconds(30));
        using var rightLater = await browser.PostSignInAsync(b.RootUri, DemoAccount.UserName, DemoAccount.Password, token, "198.51.100.7");

        // Assert
        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.Unauthorized));
        Assert.Equal(35, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightTooSoon.StatusCode);
        Assert.InRange(rightTooSoon.Headers.RetryAfter?.Delta ?? TimeSpan.MaxValue, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Found, rightLater.StatusCode);
    }

    [Fact]
    public async Task Forty_parallel_wrong_passwords_for_one_name_from_one_address_on_two_instances_check_five_and_lock_that_address_out_of_the_name()
    {
        // Arrange
        await using var database = await SharedPostgres.CreateAsync();
        await using var a = await InstanceServer.StartAsync(database.ConnectionString);
        await using var b = await InstanceServer.StartAsync(database.ConnectionString);
        using var browser = new SharedBrowser();
        var token = await browser.TokenAsync(a.RootUri, "account/login");

        // Act
        var attempts = Enumerable.Range(0, 40).Select(async index =>
        {
            using var response = await browser.PostSignInAsync(index % 2 == 0 ? a.RootUri : b.RootUri, DemoAccount.UserName, "wrong-" + index, token);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(attempts);
        a.Clock.Advance(TimeSpan.FromMinutes(1));
        b.Clock.Advance(TimeSpan.FromMinutes(1));
        using var right = await browser.PostSignInAsync(b.RootUri, DemoAccount.UserName, DemoAccount.Password, token);

        // Assert
        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(14), right.Headers.RetryAfter?.Delta);
    }
}
