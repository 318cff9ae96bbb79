using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.MeetingDetail;

public sealed class DrillDownRegistrationTests
{
    [Fact]
    public async Task Resolves_both_drill_down_services_on_top_of_the_meeting_reports_registration_even_when_added_twice()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["UMeeting:BaseUrl"] = "http://upstream.test/",
            ["UMeeting:ApiKey"] = CoreHarness.ApiKey,
            ["UMeeting:ApiSecret"] = CoreHarness.ApiSecret,
        }).Build());
        services.AddLogging();
        services.AddMeetingReports().AddDrillDownReports().AddDrillDownReports();
        services.AddMeetingArchive(HarnessArchive.ContentRoot, schedule: false);

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        Assert.Equal("MeetingDetailService", scope.ServiceProvider.GetRequiredService<IMeetingDetailService>().GetType().Name);
        Assert.Equal("ParticipantsReportService", scope.ServiceProvider.GetRequiredService<IParticipantsReportService>().GetType().Name);
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IMeetingDetailService));
    }
}
