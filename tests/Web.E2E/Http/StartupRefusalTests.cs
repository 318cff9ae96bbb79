using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Http;

/// <summary>Outside the demo (UMeeting:BaseUrl set) the settings are checked before the app serves anything.</summary>
public sealed class StartupRefusalTests
{
    private static readonly Dictionary<string, string> RealUpstream = new()
    {
        ["UMeeting:BaseUrl"] = "http://127.0.0.1:9",
        ["UMeeting:ApiKey"] = "key",
        ["UMeeting:ApiSecret"] = "secret",
    };

    [Fact]
    public async Task Without_accounts_the_app_refuses_to_start_and_names_Auth_Users()
    {
        // Arrange
        var settings = RealUpstream;

        // Act
        var error = await AppStart.RefusalAsync(Environments.Production, settings);

        // Assert
        Assert.NotNull(error);
        Assert.StartsWith("Auth:Users is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_with_a_plain_password_or_an_unknown_role_stops_the_start_naming_each_setting()
    {
        // Arrange
        var settings = new Dictionary<string, string>(RealUpstream)
        {
            ["Auth:Users:0:Name"] = "ops",
            ["Auth:Users:0:PasswordHash"] = "hunter2",
            ["Auth:Users:0:Role"] = "Owner",
        };

        // Act
        var error = await AppStart.RefusalAsync(Environments.Production, settings);

        // Assert
        Assert.NotNull(error);
        Assert.Contains("Auth:Users:0:PasswordHash is not a password hash", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Users:0:Role 'Owner' is not a role", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_that_is_not_an_address_stops_the_start_naming_the_setting()
    {
        // Arrange
        var settings = new Dictionary<string, string>(RealUpstream)
        {
            ["Auth:Users:0:Name"] = "ops",
            ["Auth:Users:0:PasswordHash"] = new PasswordHasher<object>().HashPassword(new object(), "correct horse"),
            ["Auth:Users:0:Role"] = "Viewer",
            ["ForwardedHeaders:KnownProxies:0"] = "proxy.internal",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/33",
        };

        // Act
        var error = await AppStart.RefusalAsync(Environments.Production, settings);

        // Assert
        Assert.NotNull(error);
        Assert.Contains("ForwardedHeaders:KnownProxies:0 'proxy.internal' is not an IP address", error.Message, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders:KnownNetworks:0 '10.0.0.0/33' is not a network in CIDR notation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_real_upstream_the_simulator_is_not_served_and_the_demo_account_does_not_exist()
    {
        // Arrange
        using var factory = Factory(new(RealUpstream)
        {
            ["Auth:Users:0:Name"] = "ops",
            ["Auth:Users:0:PasswordHash"] = new PasswordHasher<object>().HashPassword(new object(), "correct horse"),
            ["Auth:Users:0:Role"] = "Viewer",
        });
        factory.StartServer();
        using var session = new HttpSession(ServerRoot(factory));

        // Act
        using var simulator = await session.GetAsync("/demo-upstream/umeeting/share/rooms?api_key=demo&api_secret=demo-secret");
        using var demoAccount = await session.PostSignInAsync("admin", "admin");
        using var realAccount = await session.PostSignInAsync("ops", "correct horse");

        // Assert
        Assert.Equal(HttpStatusCode.Found, simulator.StatusCode);
        Assert.StartsWith("/account/login?", simulator.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, demoAccount.StatusCode);
        Assert.Equal(HttpStatusCode.Found, realAccount.StatusCode);
    }

    private static WebApplicationFactory<Program> Factory(Dictionary<string, string> settings)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "None");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        factory.UseKestrel(0);
        return factory;
    }

    private static Uri ServerRoot(WebApplicationFactory<Program> factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
}
