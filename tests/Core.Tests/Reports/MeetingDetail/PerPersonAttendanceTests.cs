using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Tests.Support;
using Xunit;
using static UMeetingReports.Core.Tests.Reports.MeetingDetail.DrillDown;

namespace UMeetingReports.Core.Tests.Reports.MeetingDetail;

public sealed class PerPersonAttendanceTests
{
    private static readonly DateTimeOffset Nine = MeetingBuilder.Nine;

    [Fact]
    public async Task Counts_a_rejoin_as_a_second_session_of_the_same_person()
    {
        var meeting = MeetingBuilder.A().Lasting(60).With("Li Lei", 0, 10).With("Han Meimei", 2, 50).With("Li Lei", 15, 40).Build();

        var report = await DetailOf(meeting);

        var liLei = Assert.Single(report.People, person => person.Name == "Li Lei");
        Assert.Equal(2, liLei.Sessions);
        Assert.Equal(Nine, liLei.FirstJoin);
        Assert.Equal(Nine.AddMinutes(40), liLei.LastLeave);
        Assert.Equal(TimeSpan.FromMinutes(35), liLei.ConnectedTime);
        Assert.Equal(2, report.People.Count);
        Assert.Empty(report.DataWarnings);
    }

    [Fact]
    public async Task Counts_overlapping_sessions_of_one_name_once()
    {
        // Laptop 0–30, phone 20–40, and a short third device inside the first: present 0–40.
        var meeting = MeetingBuilder.A().Lasting(60).With("Li Lei", 0, 30).With("Li Lei", 20, 40).With("Li Lei", 5, 10).Build();

        var report = await DetailOf(meeting);

        var person = Assert.Single(report.People);
        Assert.Equal(3, person.Sessions);
        Assert.Equal(TimeSpan.FromMinutes(40), person.ConnectedTime);
        Assert.Equal(40.0 / 60, person.ShareOfMeeting!.Value, precision: 10);
    }

    [Fact]
    public async Task Counts_touching_sessions_without_a_gap_or_double_counting()
    {
        var meeting = MeetingBuilder.A().Lasting(60).With("Li Lei", 0, 20).With("Li Lei", 20, 45).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(TimeSpan.FromMinutes(45), Assert.Single(report.People).ConnectedTime);
    }

    [Fact]
    public async Task Counts_a_person_still_connected_in_a_running_meeting_until_now()
    {
        var now = Nine.AddMinutes(45);
        var meeting = MeetingBuilder.A().StillRunning().With("Li Lei", 10, null).With("Han Meimei", 0, 30).Build();

        var report = await DetailOf(meeting, now);

        var liLei = Assert.Single(report.People, person => person.Name == "Li Lei");
        Assert.True(liLei.StillConnected);
        Assert.Null(liLei.LastLeave);
        Assert.Equal(now, liLei.LastSeen);
        Assert.Equal(TimeSpan.FromMinutes(35), liLei.ConnectedTime);
        Assert.Equal(35.0 / 45, liLei.ShareOfMeeting!.Value, precision: 10);
        Assert.Equal(now, report.MeasuredUntil);
        Assert.Null(report.ActualMinutes);
        Assert.Equal(45, report.ElapsedMinutes);
        Assert.Empty(report.DataWarnings);
    }

    [Fact]
    public async Task Counts_a_row_without_a_leave_time_in_an_ended_meeting_until_the_end_and_says_so()
    {
        var meeting = MeetingBuilder.A().Lasting(60).With("Li Lei", 10, null).Build();

        var report = await DetailOf(meeting, now: Nine.AddDays(3));

        var person = Assert.Single(report.People);
        Assert.Equal(TimeSpan.FromMinutes(50), person.ConnectedTime);
        Assert.Equal(Nine.AddMinutes(60), person.LastSeen);
        Assert.Equal(new DataFlaw(DataFlawKind.NoLeaveTime, "Li Lei", Nine.AddMinutes(10), Nine.AddMinutes(60)), Assert.Single(report.DataWarnings));
        Assert.Contains("'Li Lei' joined at 2025-03-04 09:10:00 and has no leave time", report.DataWarnings[0].Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gives_each_person_the_share_of_the_meeting_they_were_present_for()
    {
        var meeting = MeetingBuilder.A().Lasting(60)
            .With("Whole", 0, 60)
            .With("Quarter", 15, 30)
            .With("Early", -10, 30) // joined ten minutes before the recorded start
            .Build();

        var report = await DetailOf(meeting);

        var shares = report.People.ToDictionary(person => person.Name, person => person.ShareOfMeeting);
        Assert.Equal(1.0, shares["Whole"]!.Value, precision: 10);
        Assert.Equal(0.25, shares["Quarter"]!.Value, precision: 10);
        Assert.Equal(0.5, shares["Early"]!.Value, precision: 10);
        Assert.Equal(TimeSpan.FromMinutes(40), report.People.Single(person => person.Name == "Early").ConnectedTime);
    }

    [Fact]
    public async Task Gives_no_share_when_the_meeting_has_no_length()
    {
        var meeting = MeetingBuilder.A().Lasting(0).With("Li Lei", 0, 0).Build();

        var report = await DetailOf(meeting);

        Assert.Null(Assert.Single(report.People).ShareOfMeeting);
        Assert.Equal(TimeSpan.Zero, report.Length);
    }

    [Fact]
    public async Task Treats_an_end_before_the_start_as_no_length_and_says_so()
    {
        var meeting = MeetingBuilder.A().Lasting(-5).With("Li Lei", 0, 3).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(TimeSpan.Zero, report.Length);
        Assert.Null(Assert.Single(report.People).ShareOfMeeting);
        Assert.Contains(new DataFlaw(DataFlawKind.EndBeforeStart, null, Nine.AddMinutes(-5), Nine), report.DataWarnings);
    }

    [Fact]
    public async Task Keeps_names_that_differ_only_in_case_as_different_people()
    {
        var meeting = MeetingBuilder.A().With("li lei", 0, 10).With("Li Lei", 5, 20).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(["li lei", "Li Lei"], report.People.Select(person => person.Name));
    }

    [Fact]
    public async Task Lists_people_by_first_join_then_name()
    {
        var meeting = MeetingBuilder.A().With("Zhang", 5, 10).With("Bob", 1, 3).With("Anna", 5, 9).With("Bob", 20, 30).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(["Bob", "Anna", "Zhang"], report.People.Select(person => person.Name));
    }

    [Fact]
    public async Task Keeps_the_raw_rows_exactly_as_the_upstream_gave_them()
    {
        var meeting = MeetingBuilder.A().With("Zhang", 5, 10).With("Bob", 1, null).With("Zhang", 3, 2).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(meeting.Participants, report.RawSessions);
    }

    [Fact]
    public async Task Draws_each_persons_sessions_as_bars_in_minutes_from_the_start()
    {
        var now = Nine.AddMinutes(50);
        var meeting = MeetingBuilder.A().StillRunning()
            .With("Li Lei", 0.5, 10 + (20.0 / 60)) // 00:30 to 10:20
            .With("Han Meimei", 1, 2)
            .With("Li Lei", 15, null)
            .Build();

        var report = await DetailOf(meeting, now);

        Assert.Equal(50, report.Timeline.LengthMinutes);
        Assert.Equal(["Li Lei", "Han Meimei"], report.Timeline.People.Select(person => person.Name));
        Assert.Equal(
            [new TimelineBar(0.5, 10.33, false), new TimelineBar(15, 50, true)],
            report.Timeline.People[0].Bars);
        Assert.Equal([new TimelineBar(1, 2, false)], report.Timeline.People[1].Bars);
    }

    [Fact]
    public async Task Totals_the_telephony_calls_minutes_and_cost()
    {
        var meeting = MeetingBuilder.A()
            .WithCall("+8613712349201", 0, 3, 3, 0.18m)
            .WithCall("+14155552671", 5, 17, 12, 1.44m, type: "call-out")
            .Build();

        var report = await DetailOf(meeting);

        Assert.Equal(2, report.Telephony.TotalCalls);
        Assert.Equal(15, report.Telephony.TotalMinutes);
        Assert.Equal(1.62m, report.Telephony.TotalCost);
        Assert.Equal(["call-in", "call-out"], report.Telephony.Calls.Select(call => call.Type));
    }

    [Fact]
    public async Task Shows_scheduled_and_actual_minutes_side_by_side()
    {
        var meeting = MeetingBuilder.A().Scheduled(30).Lasting(47.5).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(30, report.ScheduledMinutes);
        Assert.Equal(47, report.ActualMinutes);
        Assert.Equal(47, report.ElapsedMinutes);
        Assert.Equal("Asia/Shanghai (UTC+08:00)", report.ZoneLabel);
    }
}
