using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

/// <summary>The three analytics reports of one period read the same months of the archive: the service is asked for them once.</summary>
public sealed class AnalyticsCacheTests
{
    private static readonly DatePeriod PastPeriod = new(new(2025, 3, 20), new(2025, 5, 10));

    [Fact]
    public async Task Computes_rooms_and_kpis_after_telephony_for_the_same_past_period_without_asking_the_upstream_again()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var core = CoreHarness.Create(sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var token = TestContext.Current.CancellationToken;
        var telephony = await core.Telephony().GetAsync(new AnalyticsFilter(PastPeriod), revealPhoneNumbers: false, TextOrder.Invariant, progress: null, token);
        var asked = sim.Requests.Snapshot();

        var rooms = await core.RoomUsage().GetAsync(new RoomUsageRequest(PastPeriod), progress: null, token);
        var kpis = await core.Kpis().GetAsync(new AnalyticsFilter(PastPeriod), progress: null, token);

        Assert.True(telephony.Succeeded && rooms.Succeeded && kpis.Succeeded);
        Assert.Equal(3, asked.Where(request => request.Path == "/umeeting/share/detail").Select(request => request.From).Distinct().Count());
        Assert.All(asked.Where(request => request.Path == "/umeeting/share/detail"), request => Assert.True(request.ShowParticipants && request.ShowTelephonyUsage));
        Assert.Equal(asked.Count, sim.Requests.Count);
        Assert.Equal(telephony.Value.Totals.Cost, rooms.Value.Totals.Figures.CallCost);
        Assert.Equal(kpis.Value.Figures, rooms.Value.Totals.Figures);
    }
}
