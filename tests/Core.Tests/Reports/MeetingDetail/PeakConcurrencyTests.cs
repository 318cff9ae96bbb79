using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Tests.Support;
using Xunit;
using static UMeetingReports.Core.Tests.Reports.MeetingDetail.DrillDown;

namespace UMeetingReports.Core.Tests.Reports.MeetingDetail;

public sealed class PeakConcurrencyTests
{
    private static readonly DateTimeOffset Nine = MeetingBuilder.Nine;

    [Fact]
    public async Task Finds_the_most_people_present_at_once_and_when()
    {
        var meeting = MeetingBuilder.A().With("A", 0, 30).With("B", 10, 40).With("C", 20, 25).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(new PeakConcurrency(3, Nine.AddMinutes(20), Nine.AddMinutes(25)), report.Peak);
    }

    [Fact]
    public async Task Does_not_count_back_to_back_sessions_as_overlapping()
    {
        var meeting = MeetingBuilder.A().With("A", 0, 20).With("B", 20, 40).With("C", 40, 60).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(new PeakConcurrency(1, Nine, Nine.AddMinutes(60)), report.Peak);
    }

    [Fact]
    public async Task Reports_the_first_of_two_equal_peaks()
    {
        var meeting = MeetingBuilder.A().With("A", 0, 10).With("B", 5, 10).With("C", 20, 30).With("D", 25, 30).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(new PeakConcurrency(2, Nine.AddMinutes(5), Nine.AddMinutes(10)), report.Peak);
    }

    [Fact]
    public async Task Counts_a_zero_length_session_as_present_at_its_instant()
    {
        var meeting = MeetingBuilder.A().With("A", 0, 30).With("B", 10, 20).With("C", 10, 10).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(new PeakConcurrency(3, Nine.AddMinutes(10), Nine.AddMinutes(10)), report.Peak);
        Assert.Empty(report.DataWarnings);
    }

    [Fact]
    public async Task Does_not_count_a_zero_length_session_with_someone_who_left_at_that_instant()
    {
        var meeting = MeetingBuilder.A().With("A", 0, 10).With("B", 10, 10).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(1, report.Peak!.Participants);
    }

    [Fact]
    public async Task Counts_a_person_connected_twice_at_once_as_one()
    {
        var meeting = MeetingBuilder.A().With("A", 0, 30).With("A", 10, 20).With("B", 5, 25).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(new PeakConcurrency(2, Nine.AddMinutes(5), Nine.AddMinutes(25)), report.Peak);
    }

    [Fact]
    public async Task Keeps_a_person_who_rejoins_at_the_instant_they_left_present_throughout()
    {
        var meeting = MeetingBuilder.A().With("A", 0, 10).With("A", 10, 30).With("B", 5, 20).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(new PeakConcurrency(2, Nine.AddMinutes(5), Nine.AddMinutes(20)), report.Peak);
    }

    [Fact]
    public async Task Counts_a_still_connected_row_until_the_meetings_end()
    {
        var meeting = MeetingBuilder.A().Lasting(60).With("A", 0, null).With("B", 50, 60).Build();

        var report = await DetailOf(meeting);

        Assert.Equal(new PeakConcurrency(2, Nine.AddMinutes(50), Nine.AddMinutes(60)), report.Peak);
    }

    [Fact]
    public async Task Counts_a_still_connected_row_of_a_running_meeting_until_now()
    {
        var meeting = MeetingBuilder.A().StillRunning().With("A", 0, null).With("B", 30, null).Build();

        var report = await DetailOf(meeting, now: Nine.AddMinutes(42));

        Assert.Equal(new PeakConcurrency(2, Nine.AddMinutes(30), Nine.AddMinutes(42)), report.Peak);
    }

    [Fact]
    public async Task Counts_a_leave_before_its_join_as_an_instant_and_flags_it_instead_of_failing()
    {
        var meeting = MeetingBuilder.A().With("A", 0, 30).With("B", 10, 5).Build();

        var report = await DetailOf(meeting);

        var b = Assert.Single(report.People, person => person.Name == "B");
        Assert.Equal(TimeSpan.Zero, b.ConnectedTime);
        Assert.Equal(Nine.AddMinutes(10), b.LastLeave);
        Assert.Equal(new PeakConcurrency(2, Nine.AddMinutes(10), Nine.AddMinutes(10)), report.Peak);
        var flaw = Assert.Single(report.DataWarnings);
        Assert.Equal(new DataFlaw(DataFlawKind.LeftBeforeJoining, "B", Nine.AddMinutes(10), Nine.AddMinutes(5)), flaw);
        Assert.Contains("'B' joined at 2025-03-04 09:10:00 but left at 2025-03-04 09:05:00", flaw.Describe(), StringComparison.Ordinal);
        Assert.Equal([new TimelineBar(10, 10, false)], report.Timeline.People.Single(person => person.Name == "B").Bars);
    }

    [Fact]
    public async Task Has_no_peak_when_nobody_joined()
    {
        var report = await DetailOf(MeetingBuilder.A().Build());

        Assert.Null(report.Peak);
        Assert.Empty(report.People);
        Assert.Empty(report.Timeline.People);
    }
}
