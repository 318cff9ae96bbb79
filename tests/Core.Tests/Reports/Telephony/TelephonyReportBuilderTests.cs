using System.Globalization;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Telephony;

/// <summary>Edge cases of the telephony report on plain meetings.</summary>
public sealed class TelephonyReportBuilderTests
{
    private static readonly DatePeriod ThreeDays = new(new(2025, 3, 3), new(2025, 3, 5));

    private static readonly UpstreamZone Zone = AnalyticsHarness.ZoneAt(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Keeps_a_call_type_the_upstream_adds_as_given_after_call_in_call_out_and_callback_which_show_even_at_zero()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-03 10:00").WithCall("+8613716819201", "conference-bridge", 4, 0.48m).WithCall("+8613716819202", "call-in", 2, 0.12m).Build(),
        ];

        var report = TelephonyReportBuilder.Build(new AnalyticsFilter(ThreeDays), meetings, RoomList.Unknown, revealPhoneNumbers: false, Zone, TextOrder.Invariant);

        Assert.Equal(
            [
                new CallTypeLine("call-in", new TelephonyTotals(1, 2, 0.12m)),
                new CallTypeLine("call-out", TelephonyTotals.None),
                new CallTypeLine("callback", TelephonyTotals.None),
                new CallTypeLine("conference-bridge", new TelephonyTotals(1, 4, 0.48m)),
            ],
            report.ByType);
        Assert.Equal(["call-in", "call-out", "callback", "conference-bridge"], report.Charts.MinutesByType.Labels);
        Assert.Equal([2m, 0m, 0m, 4m], report.Charts.MinutesByType.Datasets.Single().Values);
    }

    [Fact]
    public void Puts_a_call_after_midnight_on_the_day_its_meeting_started_so_the_days_still_add_up()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-05 23:30").Until("2025-03-06 00:40").WithCall("+8613716819201", "call-out", 10, 1.20m, startingAfterMinutes: 50).Build(),
        ];

        var report = TelephonyReportBuilder.Build(new AnalyticsFilter(ThreeDays), meetings, RoomList.Unknown, revealPhoneNumbers: false, Zone, TextOrder.Invariant);

        Assert.Equal(["2025-03-03", "2025-03-04", "2025-03-05"], report.Charts.CostPerDay.Labels);
        Assert.Equal([0m, 0m, 1.20m], report.Charts.CostPerDay.Datasets.Single(dataset => dataset.Name == "call-out").Values);
        Assert.Equal([0m, 0m, 1.20m], report.Days.Select(line => line.Totals.Cost));
        Assert.Equal(report.Totals, report.DaysTotal);
    }

    [Fact]
    public void Ranks_numbers_on_the_whole_number_even_when_two_mask_alike()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-03 10:00")
                .WithCall("+8613712349201", "call-out", 5, 0.60m)
                .WithCall("+8613798769201", "call-out", 4, 0.48m)
                .WithCall("+8613712349201", "call-in", 1, 0.06m)
                .Build(),
        ];

        var report = TelephonyReportBuilder.Build(new AnalyticsFilter(ThreeDays), meetings, RoomList.Unknown, revealPhoneNumbers: false, Zone, TextOrder.Invariant);

        Assert.Equal(
            [
                new PhoneNumberLine("+86 137****9201", new TelephonyTotals(2, 6, 0.66m)),
                new PhoneNumberLine("+86 137****9201", new TelephonyTotals(1, 4, 0.48m)),
            ],
            report.TopNumbers);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(1, 0)]
    public void Counts_the_numbers_left_out_of_the_ten_that_cost_as_much_as_the_tenth(int atTheTenthsCost, int tied)
    {
        // Arrange: nine numbers at ¥1.00, then some at ¥0.50 (the tenth the first of them), then three at ¥0.20.
        var meeting = AnalyticsMeetingBuilder.At("2025-03-03 10:00");
        for (var number = 0; number < 9; number++)
        {
            meeting = meeting.WithCall($"+86137000000{number:D2}", "call-out", 10, 1.00m);
        }

        for (var number = 0; number < atTheTenthsCost; number++)
        {
            meeting = meeting.WithCall($"+86138000000{number:D2}", "call-out", 5, 0.50m);
        }

        for (var number = 0; number < 3; number++)
        {
            meeting = meeting.WithCall($"+86139000000{number:D2}", "call-out", 2, 0.20m);
        }

        // Act
        var report = TelephonyReportBuilder.Build(new AnalyticsFilter(ThreeDays), [meeting.Build()], RoomList.Unknown, revealPhoneNumbers: true, Zone, TextOrder.Invariant);

        // Assert: the cheaper numbers are not ties.
        Assert.Equal(0.50m, report.TopNumbers[^1].Totals.Cost);
        Assert.Equal(tied, report.TiedBeyondTop);
    }

    [Fact]
    public void Names_rooms_from_the_directory_and_falls_back_to_the_host_id()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-03 10:00").In("ROOM-A").WithCall("+8613716819201", "call-in", 2, 0.12m).Build(),
            AnalyticsMeetingBuilder.At("2025-03-04 10:00").In("ROOM-B").WithCall("+8613716819201", "call-out", 3, 0.36m).Build(),
            AnalyticsMeetingBuilder.At("2025-03-04 11:00").In("ROOM-B").Build(),
        ];
        var rooms = new RoomList([new Room("ROOM-A", "Lotus 荷花厅", 12)], IsKnown: true);

        var report = TelephonyReportBuilder.Build(new AnalyticsFilter(ThreeDays), meetings, rooms, revealPhoneNumbers: false, Zone, TextOrder.Invariant);

        Assert.Equal(
            [
                new TelephonyRoomLine("ROOM-B", "ROOM-B", 2, new TelephonyTotals(1, 3, 0.36m)),
                new TelephonyRoomLine("ROOM-A", "Lotus 荷花厅", 1, new TelephonyTotals(1, 2, 0.12m)),
            ],
            report.Rooms);
    }

    [Theory]
    [InlineData("zh-CN", new[] { "北京-望京", "上海-浦东", "Beijing Board Room" })]
    [InlineData("en", new[] { "Beijing Board Room", "上海-浦东", "北京-望京" })]
    public void Rooms_whose_cost_ties_follow_the_readers_order_of_their_names(string language, string[] expected)
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-03 10:00").In("ROOM-SH").Build(),
            AnalyticsMeetingBuilder.At("2025-03-03 11:00").In("ROOM-BJ").Build(),
            AnalyticsMeetingBuilder.At("2025-03-03 12:00").In("ROOM-EN").Build(),
        ];
        var rooms = new RoomList([new Room("ROOM-SH", "上海-浦东", 8), new Room("ROOM-BJ", "北京-望京", 8), new Room("ROOM-EN", "Beijing Board Room", 8)], IsKnown: true);

        var report = TelephonyReportBuilder.Build(
            new AnalyticsFilter(ThreeDays), meetings, rooms, revealPhoneNumbers: false, Zone, TextOrder.For(CultureInfo.GetCultureInfo(language)));

        Assert.Equal(expected, report.Rooms.Select(line => line.RoomName));
    }

    [Fact]
    public void Shows_every_day_at_zero_when_the_period_had_no_calls()
    {
        var report = TelephonyReportBuilder.Build(new AnalyticsFilter(ThreeDays), [AnalyticsMeetingBuilder.At("2025-03-04 10:00").Build()], RoomList.Unknown, revealPhoneNumbers: false, Zone, TextOrder.Invariant);

        Assert.Equal(TelephonyTotals.None, report.Totals);
        Assert.Equal(3, report.Days.Count);
        Assert.All(report.Charts.CostPerDay.Datasets, dataset => Assert.Equal([0m, 0m, 0m], dataset.Values));
        Assert.Empty(report.TopNumbers);
    }
}
