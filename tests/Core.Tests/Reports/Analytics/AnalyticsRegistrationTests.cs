using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

/// <summary>The analytics registration as the app uses it, and business hours that fail fast when set wrong.</summary>
public sealed class AnalyticsRegistrationTests
{
    [Fact]
    public async Task Resolves_the_three_analytics_services_with_monday_to_friday_nine_to_six_by_default()
    {
        using var host = BuildHost(new Dictionary<string, string?>());

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(host.Services.GetRequiredService<IPeriodKpiService>());
        Assert.NotNull(host.Services.GetRequiredService<ITelephonyReportService>());
        Assert.NotNull(host.Services.GetRequiredService<IRoomUsageReportService>());
        var hours = host.Services.GetRequiredService<IOptions<BusinessHoursOptions>>().Value;
        Assert.Null(hours.Days);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], hours.BusinessDays);
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 0)), (hours.Start, hours.End));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Replaces_the_default_days_with_the_configured_ones_even_when_registered_twice()
    {
        using var host = BuildHost(
            new Dictionary<string, string?>
            {
                ["Reports:BusinessHours:Days:0"] = "Saturday",
                ["Reports:BusinessHours:Days:1"] = "sunday",
                ["Reports:BusinessHours:Start"] = "08:30",
                ["Reports:BusinessHours:End"] = "12:00",
            },
            registerTwice: true);

        await host.StartAsync(TestContext.Current.CancellationToken);

        var hours = host.Services.GetRequiredService<IOptions<BusinessHoursOptions>>().Value;
        Assert.Equal(["Saturday", "sunday"], hours.Days);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], hours.BusinessDays);
        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(12, 0)), (hours.Start, hours.End));
        Assert.Single(host.Services.GetServices<IRoomUsageReportService>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("Reports:BusinessHours:End", "08:00", "Reports:BusinessHours:End (08:00) must be later than Reports:BusinessHours:Start (09:00)")]
    [InlineData("Reports:BusinessHours:Start", "18:00", "Reports:BusinessHours:End (18:00) must be later than Reports:BusinessHours:Start (18:00)")]
    [InlineData("Reports:BusinessHours:Days:0", "1", "Reports:BusinessHours:Days holds '1', which is not a day of the week")]
    [InlineData("Reports:BusinessHours:Days:0", "Someday", "Reports:BusinessHours:Days holds 'Someday', which is not a day of the week")]
    [InlineData("Reports:BusinessHours:Start", "nine o'clock", "Reports:BusinessHours:Start")]
    public async Task Stops_the_app_at_start_naming_the_wrong_business_hours_setting(string setting, string value, string expected)
    {
        using var host = BuildHost(new Dictionary<string, string?> { [setting] = value });

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "Reports:Licences is 0: an account holds at least one room licence")]
    [InlineData("-3", "Reports:Licences is -3: an account holds at least one room licence")]
    [InlineData("eight", "Reports:Licences is 'eight', which is not a whole number")]
    [InlineData("8.5", "Reports:Licences is '8.5', which is not a whole number")]
    public async Task Stops_the_app_at_start_when_the_licences_are_not_a_positive_whole_number(string value, string expected)
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Reports:Licences"] = value });

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" 8 ", 8)]
    public async Task Reads_the_licences_held_or_none_when_the_setting_is_left_out(string? value, int? expected)
    {
        using var host = BuildHost(value is null ? [] : new Dictionary<string, string?> { ["Reports:Licences"] = value });

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<LicenceOptions>>().Value.Count);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static IHost BuildHost(Dictionary<string, string?> overrides, bool registerTwice = false) =>
        ConfiguredHost.Build(overrides, services =>
        {
            services.AddAnalyticsReports();
            if (registerTwice)
            {
                services.AddAnalyticsReports();
            }
        });
}
