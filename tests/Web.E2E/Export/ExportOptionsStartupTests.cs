using Microsoft.Extensions.Hosting;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>A wrong "Exports" setting stops the app at start with a sentence that names it.</summary>
public sealed class ExportOptionsStartupTests
{
    [Theory]
    [InlineData("Exports:MaxConcurrentJobs", "0", "Exports:MaxConcurrentJobs must be between 1 and 16")]
    [InlineData("Exports:BackgroundAbove", "-1", "Exports:BackgroundAbove must be between 0 and 100000")]
    [InlineData("Exports:JobLifetime", "00:00:01", "Exports:JobLifetime must be between 00:00:10 and 7.00:00:00")]
    [InlineData("Exports:MaxJobsPerUser", "0", "Exports:MaxJobsPerUser must be between 1 and 100")]
    public async Task A_wrong_export_setting_stops_the_start_naming_the_setting(string setting, string value, string sentence)
    {
        // Arrange
        var settings = new Dictionary<string, string> { ["UMeeting:Mode"] = "Demo", ["UMeeting:BaseUrl"] = "", [setting] = value };

        // Act
        var error = await AppStart.RefusalAsync(Environments.Production, settings);

        // Assert
        Assert.NotNull(error);
        Assert.Contains(sentence, error.Message, StringComparison.Ordinal);
    }
}
