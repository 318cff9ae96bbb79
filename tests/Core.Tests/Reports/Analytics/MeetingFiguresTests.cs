using UMeetingReports.Core.Reports.Analytics;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

public sealed class MeetingFiguresTests
{
    [Fact]
    public void Counts_participant_rows_each_name_once_per_meeting_and_each_name_once_across_the_period()
    {
        var meetings = new[]
        {
            AnalyticsMeetingBuilder.At("2025-03-03 09:00").WithParticipant("Li Lei").WithParticipant("Li Lei").WithParticipant("Han Meimei").Build(),
            AnalyticsMeetingBuilder.At("2025-03-04 09:00").WithParticipant("Li Lei").WithParticipant("Lucy", connected: true).Build(),
        };

        var figures = MeetingFigures.Of(meetings);

        Assert.Equal((5, 4, 3), (figures.ParticipantRows, figures.Attendees, figures.DistinctNames));
    }

    [Fact]
    public void Sums_minutes_of_ended_meetings_only_and_counts_running_and_overflow_ones()
    {
        var meetings = new[]
        {
            AnalyticsMeetingBuilder.At("2025-03-03 09:00").Until("2025-03-03 10:30").Scheduled(60).Build(),
            AnalyticsMeetingBuilder.At("2025-03-03 10:00").Running().Scheduled(30).Overflow().Build(),
            AnalyticsMeetingBuilder.At("2025-03-03 11:00").Until("2025-03-03 11:20").Scheduled(30)
                .WithCall("+8613716819201", "call-in", 3, 0.18m).WithCall("+8613716819201", "call-out", 2, 0.24m).Build(),
            AnalyticsMeetingBuilder.At("2025-03-03 12:00").Until("2025-03-03 12:10").Scheduled(15).Build(),
        };

        var figures = MeetingFigures.Of(meetings);

        Assert.Equal(new MeetingFigures(4, 1, 135, 120, 0, 0, 0, 1, 2, 5, 0.42m), figures);
        Assert.Equal(new Share(1, 4), figures.OverflowShare);
        Assert.Equal(0.25m, figures.OverflowShare.Ratio);
    }

    [Fact]
    public void Gives_no_overflow_share_rather_than_zero_percent_when_there_are_no_meetings()
    {
        var figures = MeetingFigures.Of([]);

        Assert.Equal(MeetingFigures.None, figures);
        Assert.Null(figures.OverflowShare.Ratio);
    }
}
