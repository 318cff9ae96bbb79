using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Demo;

/// <summary>
/// UMeeting:Mode at start: the demo runs in Development by default and elsewhere only when asked for; the meeting
/// service's mode has no simulator and no demo account. Each test starts an app of its own.
/// </summary>
public sealed class UpstreamModeStartupTests
{
    private const string RoomsOfTheSimulator = "/demo-upstream/umeeting/share/rooms?api_key=demo&api_secret=demo-secret";

    [Theory]
    [InlineData("", "", "Neither UMeeting:BaseUrl nor UMeeting:Mode is set, and outside Development the demo runs only when asked for")]
    [InlineData("Live", "", "UMeeting:Mode is Live but UMeeting:BaseUrl is empty: set UMeeting:BaseUrl")]
    [InlineData("Demo", "http://127.0.0.1:9", "UMeeting:Mode is Demo but UMeeting:BaseUrl is set")]
    [InlineData("Sandbox", "", "UMeeting:Mode 'Sandbox' is not a mode: use Demo (generated data from the embedded simulator) or Live")]
    public async Task In_Production_settings_that_name_no_mode_stop_the_start_with_a_sentence_naming_them(string mode, string baseUrl, string sentence)
    {
        // Arrange
        var settings = new Dictionary<string, string> { ["UMeeting:Mode"] = mode, ["UMeeting:BaseUrl"] = baseUrl };

        // Act
        var error = await AppStart.RefusalAsync(Environments.Production, settings);

        // Assert
        Assert.NotNull(error);
        Assert.StartsWith(sentence, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Production_with_nothing_configured_the_refusal_names_both_settings_and_how_to_ask_for_the_demo()
    {
        // Arrange
        var settings = new Dictionary<string, string> { ["UMeeting:BaseUrl"] = "" };

        // Act
        var error = await AppStart.RefusalAsync(Environments.Production, settings);

        // Assert
        Assert.NotNull(error);
        Assert.Contains("set UMeeting:BaseUrl to the meeting service's address", error.Message, StringComparison.Ordinal);
        Assert.Contains("or set UMeeting:Mode to Demo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Production_with_Mode_Demo_the_app_serves_the_demo()
    {
        // Arrange
        using var factory = Factory(Environments.Production, new() { ["UMeeting:Mode"] = "Demo", ["UMeeting:BaseUrl"] = "" });
        factory.StartServer();
        using var session = new HttpSession(ServerRoot(factory));

        // Act
        var visit = await DemoVisit.MakeAsync(session);

        // Assert
        Assert.Equal(DemoVisit.Served, visit);
    }

    [Fact]
    public async Task In_Development_without_a_BaseUrl_or_a_mode_the_app_serves_the_demo()
    {
        // Arrange
        using var factory = Factory(Environments.Development, new() { ["UMeeting:BaseUrl"] = "" });
        factory.StartServer();
        using var session = new HttpSession(ServerRoot(factory));

        // Act
        var visit = await DemoVisit.MakeAsync(session);

        // Assert
        Assert.Equal(DemoVisit.Served, visit);
    }

    [Fact]
    public async Task Live_with_a_BaseUrl_has_no_simulator_at_demo_upstream_and_no_demo_account()
    {
        // Arrange
        using var factory = Factory(Environments.Production, new()
        {
            ["UMeeting:Mode"] = "Live",
            ["UMeeting:BaseUrl"] = "http://127.0.0.1:9",
            ["UMeeting:ApiKey"] = "key",
            ["UMeeting:ApiSecret"] = "secret",
            ["Auth:Users:0:Name"] = "ops",
            ["Auth:Users:0:PasswordHash"] = new PasswordHasher<object>().HashPassword(new object(), "correct horse"),
            ["Auth:Users:0:Role"] = "Admin",
        });
        factory.StartServer();
        using var session = new HttpSession(ServerRoot(factory));

        // Act: the simulator's addresses first anonymously (the demo serves them so), then signed in.
        using var anonymousRooms = await session.GetAsync(RoomsOfTheSimulator);
        using var anonymousDetail = await session.PostFormAsync("/demo-upstream/umeeting/share/detail", [new("api_key", "demo"), new("api_secret", "demo-secret")]);
        var signInPage = await session.GetPageAsync("/account/login");
        using var demoAccount = await session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password);
        await session.SignInAsync("ops", "correct horse");
        using var simulator = await session.GetAsync(RoomsOfTheSimulator);

        // Assert: anonymous, the fallback policy sends a GET to sign-in and refuses a POST without a token; never data.
        Assert.Equal(HttpStatusCode.Found, anonymousRooms.StatusCode);
        Assert.StartsWith("/account/login?", anonymousRooms.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, anonymousDetail.StatusCode);
        Assert.Equal(0, Hooks.Count(signInPage.Html, "demo-credentials"));
        Assert.Equal(HttpStatusCode.Unauthorized, demoAccount.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, simulator.StatusCode);
        Assert.Null(factory.Services.GetService<SimulatorDataset>());
        Assert.Null(factory.Services.GetService<SimulatorFaults>());
        Assert.Equal(new Uri("http://127.0.0.1:9/"), factory.Services.GetRequiredService<IUpstreamEndpoint>().BaseAddress);
    }

    /// <summary>What a visitor of the demo meets: the sign-in hint, the simulator, admin / admin, and a report with the banner.</summary>
    private sealed record DemoVisit(int SignInHints, HttpStatusCode Simulator, HttpStatusCode DemoSignIn, HttpStatusCode Report, int Banners)
    {
        // A report that answers 200 was read from the simulator over loopback; an upstream failure would be a 502.
        public static DemoVisit Served { get; } = new(1, HttpStatusCode.OK, HttpStatusCode.Found, HttpStatusCode.OK, 1);

        public static async Task<DemoVisit> MakeAsync(HttpSession session)
        {
            var signInPage = await session.GetPageAsync("/account/login");
            using var simulator = await session.GetAsync(RoomsOfTheSimulator);
            using var signIn = await session.PostSignInAsync(DemoAccount.UserName, DemoAccount.Password);
            var report = await session.GetPageAsync("/meetings?from=2025-06-01&to=2025-06-15");
            return new DemoVisit(
                Hooks.Count(signInPage.Html, "demo-credentials"),
                simulator.StatusCode,
                signIn.StatusCode,
                report.Status,
                Hooks.Count(report.Html, "demo-banner"));
        }
    }

    private static WebApplicationFactory<Program> Factory(string environment, Dictionary<string, string> settings)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // UseSetting, not ConfigureAppConfiguration: the mode is decided from what Program.cs reads before registering.
            builder.UseEnvironment(environment);
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.UseSetting("Simulator:Today", "2025-06-15");
            builder.UseSetting("Logging:LogLevel:Default", "None");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        factory.UseKestrel();
        return factory;
    }

    private static Uri ServerRoot(WebApplicationFactory<Program> factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
}
