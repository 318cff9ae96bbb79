using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        using var host = ConfiguredHost.Build(new Dictionary<string, string?> { [setting] = value });

        var failures = await ConfiguredHost.StartFailuresAsync(host);

        Assert.All(failures, failure => Assert.Contains(expected, failure, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starts_with_good_settings_and_resolves_every_service()
    {
        using var host = ConfiguredHost.Build(new Dictionary<string, string?>());

        await host.StartAsync(TestContext.Current.CancellationToken);

        using var scope = host.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<UMeetingReports.Core.Reports.Analytics.IPeriodKpiService>());
        Assert.Equal("Asia/Shanghai", host.Services.GetRequiredService<UMeetingReports.Core.Upstream.UpstreamZone>().Id);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
