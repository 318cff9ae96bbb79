using System.Net;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>
/// A progress poll for a gathering this instance does not run (another instance's, behind a balancer) is answered from
/// the archive, for a period a report accepts only: anything else is a 404, and the page then reloads.
/// </summary>
public sealed class GatheringStatusPeriodHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    [Theory]
    [InlineData("key=unknown", HttpStatusCode.NotFound)]
    [InlineData("key=unknown&from=2025-05-10&to=2025-05-01", HttpStatusCode.NotFound)]
    [InlineData("key=unknown&from=0001-01-01&to=9999-12-31", HttpStatusCode.NotFound)]
    [InlineData("key=unknown&from=2025-05-1&to=2025-05-31", HttpStatusCode.NotFound)]
    [InlineData("key=unknown&from=2025-05-01&to=2025-05-31", HttpStatusCode.OK)]
    public async Task A_poll_for_a_gathering_this_instance_does_not_run_is_answered_only_for_a_period_a_report_accepts(string query, HttpStatusCode expected)
    {
        using var response = await Session.GetAsync($"/gathering/status?{query}");

        Assert.Equal(expected, response.StatusCode);
    }
}
