using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Pages;

namespace UMeetingReports.Web.E2E.Telephony;

public sealed class TelephonyJourneyTests(MeetingReportsServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task Each_chart_is_drawn_and_its_table_alternative_holds_the_same_numbers()
    {
        // Arrange: signed in, on /telephony from the navigation.
        await SignInAsDemoAdminAsync();
        var telephony = new TelephonyPage(Page);
        await telephony.OpenFromNavigationAsync();
        Assert.True(telephony.IsShown, $"Expected /telephony, got {Page.Url}");

        // Act
        var response = await telephony.ShowAsync(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));
        var (_, _, cost) = await telephony.KpisAsync();

        // Assert: every canvas painted from the same numbers its table lists, and the money charts add up to the cost KPI.
        Assert.Equal(200, response.Status);
        foreach (var chart in telephony.Charts)
        {
            var drawn = await chart.StateAsync();
            await chart.OpenTableAsync();
            var (labels, values) = await chart.TableAsync();

            Assert.True(drawn.Painted, $"The canvas of {chart.Id} is blank.");
            Assert.NotEmpty(drawn.Values());
            Assert.Equal((chart.Id, string.Join(" | ", drawn.Labels)), (chart.Id, string.Join(" | ", labels)));
            Assert.Equal((chart.Id, Join(drawn.Values())), (chart.Id, Join(values)));
            Assert.Equal((chart.Id, values.Sum()), (chart.Id, await chart.TableTotalAsync()));
        }

        var costCharts = telephony.Charts.Where(chart => chart.Id is "telephony-cost-per-day" or "telephony-cost-per-room");
        foreach (var chart in costCharts)
        {
            Assert.Equal((chart.Id, decimal.Parse(cost, CultureInfo.InvariantCulture)), (chart.Id, (await chart.StateAsync()).Values().Sum()));
        }

        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task A_bookmarked_telephony_address_reopens_the_same_view_after_signing_out_and_in_again()
    {
        // Arrange: one room's April, chosen in the form.
        await SignInAsDemoAdminAsync();
        var signIn = new SignInPage(Page);
        var telephony = new TelephonyPage(Page);
        await telephony.OpenAsync();
        var hostId = (await telephony.RoomChoicesAsync())[2];
        var from = new DateOnly(2025, 4, 1);
        var to = new DateOnly(2025, 4, 30);
        var calls = Server.Services.GetRequiredService<SimulatorDataset>().MeetingsBetween(from, to, hostId).SelectMany(meeting => meeting.Telephony).ToList();

        await telephony.ShowAsync(from, to, hostId);
        var bookmark = Page.Url;
        var kpis = await telephony.KpisAsync();
        var types = await telephony.TypeLinesAsync();

        // Act: signed out, the bookmark asks for sign-in and then returns to itself.
        await telephony.SignOutAsync();
        await Page.GotoAsync(bookmark);
        Assert.True(signIn.IsShown, $"Expected the bookmark to ask for sign-in, got {Page.Url}");
        await signIn.SignInAsync(DemoAccount.UserName, DemoAccount.Password);

        // Assert: the same address, the same figures, and they are that room's April.
        Assert.Equal(new Dictionary<string, string> { ["from"] = "2025-04-01", ["to"] = "2025-04-30", ["host_id"] = hostId }, telephony.Query);
        Assert.Equal(bookmark, Page.Url);
        Assert.Equal(kpis, await telephony.KpisAsync());
        Assert.Equal(types, await telephony.TypeLinesAsync());
        Assert.Equal(
            (calls.Count.ToString(CultureInfo.InvariantCulture), calls.Sum(call => call.Duration).ToString(CultureInfo.InvariantCulture), calls.Sum(call => call.Total).ToString("0.00", CultureInfo.InvariantCulture)),
            kpis);
        Assert.NotEmpty(calls);
    }

    private static string Join(IEnumerable<decimal> values) =>
        string.Join(" | ", values.Select(value => value.ToString("0.00##########", CultureInfo.InvariantCulture)));
}
