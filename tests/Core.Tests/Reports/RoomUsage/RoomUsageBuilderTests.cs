using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.RoomUsage;

/// <summary>Utilisation, peaks and the heatmap on plain meetings, for the edges the simulator does not pin down.</summary>
public sealed class RoomUsageBuilderTests
{
    /// <summary>Friday 2025-03-07 to Monday 2025-03-10: two business days around a weekend.</summary>
    private static readonly DatePeriod AroundAWeekend = new(new(2025, 3, 7), new(2025, 3, 10));

    private static readonly DatePeriod OneMonday = new(new(2025, 3, 10), new(2025, 3, 10));

    private static readonly DateTimeOffset Later = AnalyticsMeetingBuilder.Time("2025-06-01 12:00");

    [Fact]
    public void Counts_only_weekday_business_hours_as_available_across_a_weekend()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-07 10:00").Until("2025-03-07 11:00").Build(),
            AnalyticsMeetingBuilder.At("2025-03-08 10:00").Until("2025-03-08 12:00").Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 17:00").Until("2025-03-10 17:30").Build(),
        ];

        var room = Build(AroundAWeekend, meetings, Later).Rooms.Single();

        Assert.Equal(new Utilisation(TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(90), TimeSpan.FromHours(18)), room.Utilisation);
        Assert.Equal(90m / (18 * 60), room.Utilisation.Ratio);
    }

    [Fact]
    public void Counts_a_meeting_crossing_midnight_inside_business_hours_on_both_days()
    {
        var meeting = AnalyticsMeetingBuilder.At("2025-03-10 17:00").Until("2025-03-11 10:00").Build();

        var report = Build(new DatePeriod(new(2025, 3, 10), new(2025, 3, 11)), [meeting], Later);

        Assert.Equal(TimeSpan.FromMinutes(120), report.Rooms.Single().Utilisation.Occupied);
        Assert.Equal(TimeSpan.FromHours(17), report.Heatmap.Total);
        Assert.Equal(TimeSpan.FromHours(1), Cell(report, DayOfWeek.Monday, 23));
        Assert.Equal(TimeSpan.FromHours(1), Cell(report, DayOfWeek.Tuesday, 0));
        Assert.Equal(TimeSpan.Zero, Cell(report, DayOfWeek.Tuesday, 10));
    }

    [Fact]
    public void Stops_counting_a_meeting_at_the_end_of_business_hours_but_not_in_the_heatmap()
    {
        var meeting = AnalyticsMeetingBuilder.At("2025-03-10 17:30").Until("2025-03-10 19:00").Build();

        var report = Build(OneMonday, [meeting], Later);

        Assert.Equal(TimeSpan.FromMinutes(30), report.Rooms.Single().Utilisation.Occupied);
        Assert.Equal(TimeSpan.FromMinutes(30), Cell(report, DayOfWeek.Monday, 17));
        Assert.Equal(TimeSpan.FromMinutes(60), Cell(report, DayOfWeek.Monday, 18));
    }

    [Fact]
    public void Counts_a_running_meeting_until_now_and_only_the_business_time_that_has_passed_as_available()
    {
        var now = AnalyticsMeetingBuilder.Time("2025-03-10 15:30");
        var meeting = AnalyticsMeetingBuilder.At("2025-03-10 14:00").Running().Build();

        var report = Build(OneMonday, [meeting], now);

        var room = report.Rooms.Single();
        Assert.Equal(new Utilisation(TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(390)), room.Utilisation);
        Assert.Equal((0, 1), (room.Figures.ActualMinutes, room.Figures.RunningMeetings));
        Assert.Equal(now, report.CountedUntil);
        Assert.Equal(TimeSpan.FromMinutes(30), Cell(report, DayOfWeek.Monday, 15));
        Assert.Equal(TimeSpan.FromMinutes(90), report.Heatmap.Total);
    }

    [Fact]
    public void Counts_a_running_meeting_only_until_the_end_of_the_period()
    {
        var meeting = AnalyticsMeetingBuilder.At("2025-03-10 17:00").Running().Build();

        var report = Build(OneMonday, [meeting], AnalyticsMeetingBuilder.Time("2025-03-11 10:00"));

        Assert.Equal(new Utilisation(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(9)), report.Rooms.Single().Utilisation);
        Assert.Equal(TimeSpan.FromHours(7), report.Heatmap.Total);
        Assert.Equal(TimeSpan.Zero, Cell(report, DayOfWeek.Tuesday, 0));
        Assert.Equal(AnalyticsMeetingBuilder.Time("2025-03-11 00:00"), report.CountedUntil);
    }

    [Fact]
    public void Counts_overlapping_overflow_time_once_for_occupancy_and_twice_for_meeting_time()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-10 10:00").Until("2025-03-10 11:00").Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 10:30").Until("2025-03-10 11:30").Overflow().Build(),
        ];

        var room = Build(OneMonday, meetings, Later).Rooms.Single();

        Assert.Equal(new Utilisation(TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(120), TimeSpan.FromHours(9)), room.Utilisation);
        Assert.Equal(90m / 540, room.Utilisation.Ratio);
        Assert.Equal(120m / 540, room.Utilisation.MeetingTimeRatio);
        Assert.Equal((2, 1), (room.PeakConcurrentMeetings, room.Figures.OverflowMeetings));
    }

    [Fact]
    public void Counts_a_meeting_of_no_length_with_one_that_starts_with_it_whatever_their_order()
    {
        var instant = AnalyticsMeetingBuilder.At("2025-03-10 10:00").Until("2025-03-10 10:00").Build();
        var hour = AnalyticsMeetingBuilder.At("2025-03-10 10:00").Until("2025-03-10 11:00").Build();

        var peaks = new[] { new[] { instant, hour }, [hour, instant] }
            .Select(meetings => Build(OneMonday, meetings, Later).Totals.PeakConcurrentMeetings);

        // Each pair's count: the meeting of no length is held while the hour's meeting is.
        Assert.Equal([2, 2], peaks);
    }

    [Fact]
    public void Does_not_count_a_meeting_that_starts_as_another_ends_as_concurrent()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-10 10:00").Until("2025-03-10 11:00").Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 11:00").Until("2025-03-10 12:00").Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 12:00").Until("2025-03-10 12:00").Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 11:30").Until("2025-03-10 13:00").In("ROOM-B").Build(),
        ];

        var report = Build(OneMonday, meetings, Later);

        Assert.Equal([1, 1], report.Rooms.Select(room => room.PeakConcurrentMeetings));
        Assert.Equal(2, report.Totals.PeakConcurrentMeetings);
    }

    [Fact]
    public void Lists_every_directory_room_even_without_meetings_and_names_unknown_rooms_by_host_id()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-10 10:00").Until("2025-03-10 12:15").In("ROOM-A").WithParticipant("Li Lei").WithCall("+8613716819201", "call-in", 3, 0.18m).Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 09:00").Until("2025-03-10 09:45").In("ROOM-C").WithParticipant("Li Lei").Build(),
        ];
        var rooms = new RoomList([new Room("ROOM-A", "Lotus 荷花厅", 12), new Room("ROOM-B", "Bamboo", 6)], IsKnown: true);

        var report = RoomUsageBuilder.Build(new RoomUsageRequest(OneMonday, Sort: RoomSort.Room, Descending: false), meetings, rooms, new BusinessHoursOptions(), AnalyticsHarness.ZoneAt(Later));

        Assert.Equal([("ROOM-B", "Bamboo"), ("ROOM-A", "Lotus 荷花厅"), ("ROOM-C", "ROOM-C")], report.Rooms.Select(room => (room.HostId, room.RoomName)));
        Assert.Equal((1, 135, 0.18m), (report.Rooms[1].Figures.Meetings, report.Rooms[1].Figures.ActualMinutes, report.Rooms[1].Figures.CallCost));
        Assert.Equal(MeetingFigures.None, report.Rooms[0].Figures);
        Assert.Equal(new Utilisation(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromHours(9)), report.Rooms[0].Utilisation);
        Assert.Equal(new Utilisation(TimeSpan.FromMinutes(180), TimeSpan.FromMinutes(180), TimeSpan.FromHours(27)), report.Totals.Utilisation);
        Assert.Equal((2, 1), (report.Rooms.Sum(room => room.Figures.DistinctNames), report.Totals.Figures.DistinctNames));
    }

    [Fact]
    public void Measures_against_configured_business_days_and_hours_and_states_them()
    {
        var saturday = new DatePeriod(new(2025, 3, 8), new(2025, 3, 10));
        var hours = new BusinessHoursOptions { Days = ["Saturday"], Start = new(10, 0), End = new(14, 0) };
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-08 13:00").Until("2025-03-08 15:00").Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 10:00").Until("2025-03-10 12:00").Build(),
        ];

        var report = RoomUsageBuilder.Build(new RoomUsageRequest(saturday), meetings, RoomList.Unknown, hours, AnalyticsHarness.ZoneAt(Later));

        Assert.Equal(new Utilisation(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(4)), report.Rooms.Single().Utilisation);
        Assert.Equal([DayOfWeek.Saturday], report.BusinessHours.Days);
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(14, 0), "Asia/Shanghai (UTC+08:00)"), (report.BusinessHours.Start, report.BusinessHours.End, report.BusinessHours.ZoneLabel));
    }

    [Fact]
    public void Shows_the_chosen_rooms_heatmap_and_meetings_per_day_while_the_table_keeps_every_room()
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-07 09:30").Until("2025-03-07 11:15").In("ROOM-A").Build(),
            AnalyticsMeetingBuilder.At("2025-03-07 10:00").Until("2025-03-07 10:20").In("ROOM-A").Overflow().Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 09:00").Until("2025-03-10 10:00").In("ROOM-B").Build(),
        ];

        var report = RoomUsageBuilder.Build(new RoomUsageRequest(AroundAWeekend, "ROOM-A"), meetings, RoomList.Unknown, new BusinessHoursOptions(), AnalyticsHarness.ZoneAt(Later));

        Assert.Equal(2, report.Rooms.Count);
        Assert.Equal("ROOM-A", report.Heatmap.HostId);
        Assert.Equal([TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(80), TimeSpan.FromMinutes(15)], report.Heatmap.Days.Single(day => day.Day == DayOfWeek.Friday).Hours.Skip(9).Take(3));
        Assert.Equal(TimeSpan.Zero, report.Heatmap.Days.Single(day => day.Day == DayOfWeek.Monday).Total);
        Assert.Equal(["2025-03-07", "2025-03-08", "2025-03-09", "2025-03-10"], report.MeetingsPerDay.Labels);
        Assert.Equal([1m, 0m, 0m, 0m], report.MeetingsPerDay.Datasets.Single(dataset => dataset.Name == SeriesNames.RegularMeetings).Values);
        Assert.Equal([1m, 0m, 0m, 0m], report.MeetingsPerDay.Datasets.Single(dataset => dataset.Name == SeriesNames.OverflowMeetings).Values);
        Assert.Equal([80m, 15m], report.Heatmap.ToSeries().Datasets.Single(dataset => dataset.Name == "Friday").Values.Skip(10).Take(2));
    }

    [Theory]
    [InlineData(RoomSort.Utilisation, true, new[] { "ROOM-A", "ROOM-C", "ROOM-D", "ROOM-B" })]
    [InlineData(RoomSort.Utilisation, false, new[] { "ROOM-B", "ROOM-C", "ROOM-D", "ROOM-A" })]
    [InlineData(RoomSort.Meetings, true, new[] { "ROOM-A", "ROOM-C", "ROOM-D", "ROOM-B" })]
    [InlineData(RoomSort.ActualMinutes, false, new[] { "ROOM-B", "ROOM-C", "ROOM-D", "ROOM-A" })]
    [InlineData(RoomSort.Overflow, true, new[] { "ROOM-A", "ROOM-B", "ROOM-C", "ROOM-D" })]
    [InlineData(RoomSort.PhoneCost, true, new[] { "ROOM-D", "ROOM-B", "ROOM-A", "ROOM-C" })]
    [InlineData(RoomSort.Peak, true, new[] { "ROOM-A", "ROOM-C", "ROOM-D", "ROOM-B" })]
    [InlineData(RoomSort.Room, true, new[] { "ROOM-D", "ROOM-C", "ROOM-A", "ROOM-B" })]
    public void Sorts_the_rooms_by_the_column_asked_and_rooms_that_tie_by_name(RoomSort sort, bool descending, string[] expected)
    {
        Meeting[] meetings =
        [
            AnalyticsMeetingBuilder.At("2025-03-10 09:00").Until("2025-03-10 11:00").In("ROOM-A").Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 10:00").Until("2025-03-10 10:30").In("ROOM-A").Overflow().Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 13:00").Until("2025-03-10 13:30").In("ROOM-C").Build(),
            AnalyticsMeetingBuilder.At("2025-03-10 15:00").Until("2025-03-10 15:30").In("ROOM-D").WithCall("+8613716819201", "call-in", 3, 0.18m).Build(),
        ];
        var rooms = new RoomList([new Room("ROOM-A", "Cedar", 12), new Room("ROOM-B", "Bamboo", 6), new Room("ROOM-C", "Elm", 6), new Room("ROOM-D", "Fir", 6)], IsKnown: true);

        var report = RoomUsageBuilder.Build(new RoomUsageRequest(OneMonday, Sort: sort, Descending: descending), meetings, rooms, new BusinessHoursOptions(), AnalyticsHarness.ZoneAt(Later));

        Assert.Equal(expected, report.Rooms.Select(room => room.HostId));
    }

    private static RoomUsageReport Build(DatePeriod period, IReadOnlyList<Meeting> meetings, DateTimeOffset now) =>
        RoomUsageBuilder.Build(new RoomUsageRequest(period), meetings, RoomList.Unknown, new BusinessHoursOptions(), AnalyticsHarness.ZoneAt(now));

    private static TimeSpan Cell(RoomUsageReport report, DayOfWeek day, int hour) =>
        report.Heatmap.Days.Single(row => row.Day == day).Hours[hour];
}
