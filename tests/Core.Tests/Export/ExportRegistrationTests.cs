using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Export;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

public sealed class ExportRegistrationTests
{
    [Fact]
    public async Task Resolves_the_exporter_over_the_meeting_reports_registration_even_when_registered_twice()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["UMeeting:BaseUrl"] = "http://upstream.test/",
            ["UMeeting:ApiKey"] = "demo",
            ["UMeeting:ApiSecret"] = "demo-secret",
        }).Build());
        services.AddLogging();
        services.AddMeetingReports();
        services.AddMeetingArchive(UMeetingReports.Core.Tests.Support.HarnessArchive.ContentRoot, schedule: false);

        services.AddExports().AddExports();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.IsType<WorkbookExporter>(scope.ServiceProvider.GetRequiredService<IWorkbookExporter>());
        Assert.Equal(ExportSettings.ExcelRowsPerSheet, scope.ServiceProvider.GetRequiredService<ExportSettings>().RowsPerSheet);
        Assert.Single(services, service => service.ServiceType == typeof(IWorkbookExporter));
    }
}
