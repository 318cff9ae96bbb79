using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>A wrong "Exports" setting stops the app at start with a sentence that names it.</summary>
public sealed class ExportOptionsStartupTests
{
    [Theory]
    [InlineData("Exports:MaxConcurrentJobs", "0", "Exports:MaxConcurrentJobs must be between 1 and 16")]
    [InlineData("Exports:BackgroundAbove", "-1", "Exports:BackgroundAbove must be between 0 and 100000")]
    [InlineData("Exports:JobLifetime", "00:00:01", "Exports:JobLifetime must be between 00:00:10 and 7.00:00:00")]
    [InlineData("Exports:MaxJobsPerUser", "0", "Exports:MaxJobsPerUser must be between 1 and 100")]
    public void A_wrong_export_setting_stops_the_start_naming_the_setting(string setting, string value, string sentence)
    {
        // Arrange
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "None");
            builder.UseSetting("UMeeting:Mode", "Demo");
            builder.UseSetting("UMeeting:BaseUrl", "");
            builder.UseSetting(setting, value);
        });
        factory.UseKestrel(0);

        // Act
        var error = Record.Exception(factory.StartServer);

        // Assert
        Assert.NotNull(error);
        Assert.Contains(sentence, error.Message, StringComparison.Ordinal);
    }
}
