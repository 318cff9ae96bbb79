using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>The app on a clock the test holds: stopped at <paramref name="start"/> until the test moves it (<see cref="Clock"/>).</summary>
public abstract class ClockedServer(DateTimeOffset start) : MeetingReportsServer
{
    internal ManualClock Clock { get; } = new(start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
