using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>A wrong setting stops the app at start with a sentence that names it.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("UMeeting:TimeZone", "Mars/Olympus_Mons", "UMeeting:TimeZone 'Mars/Olympus_Mons' is not a known time zone")]
    [InlineData("UMeeting:BaseUrl", "api.systeccloud.com", "UMeeting:BaseUrl 'api.systeccloud.com' is not an absolute http or https address")]
    [InlineData("UMeeting:BaseUrl", "ftp://api.systeccloud.com", "UMeeting:BaseUrl 'ftp://api.systeccloud.com' is not an absolute http or https address")]
    [InlineData("UMeeting:ApiSecret", "", "UMeeting:ApiSecret is missing")]
    [InlineData("UMeeting:ApiKey", "", "UMeeting:ApiKey is missing")]
    [InlineData("UMeeting:MaxConcurrency", "0", "UMeeting:MaxConcurrency must be between 1 and 32")]
    [InlineData("UMeeting:MaxPageSize", "5", "UMeeting:MaxPageSize must be between 10 and 10000")]
    [InlineData("UMeeting:TotalTimeout", "00:00:05", "UMeeting:TotalTimeout (00:00:05) must not be shorter than UMeeting:AttemptTimeout (00:00:10)")]
    public async Task Stops_the_app_at_start_naming_the_wrong_setting(string setting, string value, string expected)
    {
        using var host = BuildHost(new Dictionary<string, string?> { [setting] = value });

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        // The resilience options read these settings too, so the host may report the same sentence once for each.
        var failures = thrown is AggregateException aggregate ? aggregate.InnerExceptions : [thrown];
        Assert.All(failures, failure => Assert.Contains(expected, Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starts_with_good_settings_and_resolves_every_service()
    {
        using var host = BuildHost(new Dictionary<string, string?>());

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(host.Services.GetRequiredService<UMeetingReports.Core.Reports.Meetings.IMeetingsReportService>());
        Assert.Equal("Asia/Shanghai", host.Services.GetRequiredService<UMeetingReports.Core.Upstream.UpstreamZone>().Id);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static IHost BuildHost(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UMeeting:BaseUrl"] = "https://api.systeccloud.com",
            ["UMeeting:ApiKey"] = CoreHarness.ApiKey,
            ["UMeeting:ApiSecret"] = CoreHarness.ApiSecret,
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMeetingReports();
        return builder.Build();
    }
}
