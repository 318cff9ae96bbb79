using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports;

public sealed class MeetingTotalsTests
{
    private static readonly DateTimeOffset Nine = new(2025, 3, 4, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Sums_a_page_counting_running_and_overflow_meetings_and_each_person_once()
    {
        Meeting[] meetings =
        [
            AMeeting(scheduled: 60, actual: 45) with
            {
                Participants = [Person("Li Lei", 0, 10), Person("Li Lei", 15, 40), Person("Han Meimei", 0, null)],
                Telephony = [Call(3, 0.12m), Call(2, 0.1m)],
            },
            AMeeting(scheduled: 30, actual: null) with { Participants = [Person("Li Lei", 0, null)] },
            AMeeting(scheduled: 120, actual: 121) with { IsExtra = true, Telephony = [Call(1, 0.2m)] },
        ];

        var totals = MeetingTotals.From(meetings);

        Assert.Equal(new MeetingTotals(Meetings: 3, ScheduledMinutes: 210, ActualMinutes: 166, RunningMeetings: 1, OverflowMeetings: 1, Participants: 3, TelephonyMinutes: 6, TelephonyCost: 0.42m), totals);
    }

    [Fact]
    public void Sums_an_empty_page_to_zeros()
    {
        Assert.Equal(new MeetingTotals(0, 0, 0, 0, 0, 0, 0, 0m), MeetingTotals.From(Array.Empty<UMeetingReports.Core.Upstream.Meeting>()));
    }

    private static Meeting AMeeting(int scheduled, int? actual) =>
        new("u==", "ROOM-A", "1790001234", "Weekly", Nine, scheduled, actual is { } minutes ? Nine.AddMinutes(minutes) : null, false, [], []);

    private static Participant Person(string name, int joinMinute, int? leaveMinute) =>
        new(name, Nine.AddMinutes(joinMinute), leaveMinute is { } leave ? Nine.AddMinutes(leave) : null);

    private static TelephonyCall Call(int minutes, decimal cost) =>
        new("+8613716819201", "call-in", Nine, Nine.AddMinutes(minutes), minutes, cost);
}
