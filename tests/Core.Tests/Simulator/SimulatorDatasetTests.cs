using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Data;
using Xunit;

namespace UMeetingReports.Core.Tests.Simulator;

/// <summary>The ground truth itself: reproducible, realistic in rhythm, and full of the awkward cases on purpose.</summary>
public sealed partial class SimulatorDatasetTests
{
    private static readonly DateOnly Today = new(2025, 11, 28);

    private static readonly SimulatorDataset Dataset = Build(20251128, Today);

    [Fact]
    public void Two_datasets_from_the_same_seed_hold_the_same_rooms_and_meetings()
    {
        var again = Build(20251128, Today);

        Assert.Equal(Dataset.Rooms, again.Rooms);
        Assert.Equal(Dataset.AllMeetings, again.AllMeetings);
        Assert.True(Dataset.AllMeetings.Count > 5000, $"400 days of 12 rooms should hold thousands of meetings, held {Dataset.AllMeetings.Count}.");
    }

    [Fact]
    public void A_different_seed_gives_different_rooms_and_meetings()
    {
        var other = Build(7, Today);

        Assert.Equal(Dataset.Rooms.Select(room => room.Name), other.Rooms.Select(room => room.Name));
        Assert.NotEqual(Dataset.Rooms.Select(room => room.HostId), other.Rooms.Select(room => room.HostId));
        Assert.NotEqual(Dataset.AllMeetings.Select(meeting => meeting.Uuid), other.AllMeetings.Select(meeting => meeting.Uuid));
    }

    [Fact]
    public void Moving_today_forward_leaves_earlier_days_unchanged()
    {
        var later = Build(20251128, Today.AddDays(3));
        var from = Today.AddDays(-60);
        var to = Today.AddDays(-1);

        Assert.Equal(Dataset.MeetingsBetween(from, to), later.MeetingsBetween(from, to));
        Assert.Equal(Today.AddDays(3), later.Today);
        Assert.Equal(Today.AddDays(3 - 399), later.FirstDay);
    }

    [Fact]
    public void Takes_today_and_now_from_the_time_provider_in_the_simulator_zone()
    {
        // 17:30 UTC is already 01:30 the next day in Shanghai.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 17, 30, 0, TimeSpan.Zero));

        var dataset = new SimulatorDataset(new SimulatorOptions { Days = 30 }, clock);

        Assert.Equal(new DateOnly(2025, 3, 2), dataset.Today);
        Assert.Equal(new DateTime(2025, 3, 2, 1, 30, 0), dataset.Now);
        Assert.DoesNotContain(dataset.AllMeetings, meeting => meeting.Start > dataset.Now);
        Assert.Contains(dataset.AllMeetings, meeting => meeting.End is null);
    }

    [Fact]
    public void Every_hostile_topic_and_participant_name_appears_at_least_twice_in_the_last_thirty_days()
    {
        var month = Dataset.MeetingsBetween(Today.AddDays(-29), Today);

        Assert.All(SimulatorHostileValues.Topics, topic => Assert.True(month.Count(meeting => meeting.Topic == topic) >= 2, $"Topic {topic} is too rare."));
        Assert.All(SimulatorHostileValues.ParticipantNames, name => Assert.True(month.Count(meeting => meeting.Participants.Any(person => person.Name == name)) >= 2, $"Name {name} is too rare."));
        Assert.Contains(SimulatorHostileValues.Topics, topic => topic.Length == 200);
    }

    [Fact]
    public void Uuids_are_base64_of_16_bytes_and_recent_ones_include_plus_and_slash()
    {
        var month = Dataset.MeetingsBetween(Today.AddDays(-29), Today);

        Assert.All(Dataset.AllMeetings, meeting => Assert.Matches(Base64Uuid(), meeting.Uuid));
        Assert.Contains(month, meeting => meeting.Uuid.Contains('+', StringComparison.Ordinal));
        Assert.Contains(month, meeting => meeting.Uuid.Contains('/', StringComparison.Ordinal));
        Assert.All(Dataset.AllMeetings, meeting => Assert.Matches(TenDigits(), meeting.MeetingId));
        Assert.Contains(month, meeting => meeting.MeetingId.StartsWith('0'));
        Assert.All(Dataset.Rooms, room => Assert.Matches(HostId(), room.HostId));
    }

    [Fact]
    public void Weekdays_are_busier_than_weekends_and_office_hours_busier_than_nights()
    {
        var meetings = Dataset.AllMeetings;
        var weekend = meetings.Count(meeting => meeting.Start.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        var weekday = meetings.Count - weekend;
        var office = meetings.Count(meeting => meeting.Start.Hour is >= 9 and < 18);

        Assert.True(weekday / 5.0 > 4 * (weekend / 2.0), $"{weekday} weekday against {weekend} weekend meetings.");
        Assert.True(office > 0.7 * meetings.Count, $"{office} of {meetings.Count} meetings in office hours.");
        Assert.Contains(meetings, meeting => meeting.Start.Hour >= 19);
    }

    [Fact]
    public void Every_overflow_meeting_starts_while_a_regular_meeting_of_its_room_is_running()
    {
        var meetings = Dataset.AllMeetings;
        var overflow = meetings.Where(meeting => meeting.IsExtra).ToArray();

        Assert.InRange(overflow.Length, meetings.Count / 50, meetings.Count / 4);
        Assert.All(overflow, extra => Assert.Contains(meetings, regular =>
            !regular.IsExtra && regular.HostId == extra.HostId && regular.Start <= extra.Start && (regular.End ?? Dataset.Now) > extra.Start));
    }

    [Fact]
    public void Holds_the_awkward_cases_a_report_must_handle()
    {
        var meetings = Dataset.AllMeetings;
        var today = Dataset.MeetingsBetween(Today, Today);

        Assert.Contains(meetings, meeting => meeting.End is { } end && end.Date > meeting.Start.Date);
        Assert.Contains(meetings, meeting => meeting.End is { } end && (int)(end - meeting.Start).TotalMinutes != meeting.Duration);
        Assert.Contains(meetings, meeting => meeting.Participants.GroupBy(person => person.Name).Any(rows => rows.Count() > 1));
        Assert.Contains(meetings, meeting => meeting.Participants.GroupBy(person => person.Name).Any(Overlaps));
        Assert.Contains(meetings, meeting => meeting.Telephony.Any(call => call.Type == "callback"));
        Assert.Contains(today, meeting => meeting.End is null && meeting.Participants.Any(person => person.LeaveTime is null));
        Assert.All(meetings, meeting => Assert.InRange(meeting.Participants.Select(person => person.Name).Distinct().Count(), 1, 25));
        Assert.All(meetings, meeting => Assert.InRange(meeting.Duration, 15, 180));
        Assert.DoesNotContain(meetings, meeting => meeting.Start > Dataset.Now);
    }

    [Fact]
    public void Telephony_is_on_about_a_quarter_of_meetings_and_costs_billed_minutes_times_the_rate()
    {
        var meetings = Dataset.AllMeetings;
        var calls = meetings.SelectMany(meeting => meeting.Telephony).ToArray();

        Assert.InRange(meetings.Count(meeting => meeting.Telephony.Count > 0), meetings.Count / 5, meetings.Count * 3 / 10);
        Assert.All(calls, call =>
        {
            Assert.Matches(E164(), call.PhoneNumber);
            Assert.True(call.Duration >= 1);
            Assert.Equal(call.Duration * (call.Type == "call-in" ? 0.06m : 0.12m), call.Total);
            Assert.True(call.EndTime is null || (int)Math.Ceiling((call.EndTime.Value - call.StartTime).TotalSeconds / 60) == call.Duration);
        });
        Assert.Contains(calls, call => call.PhoneNumber.StartsWith("+1", StringComparison.Ordinal));
        Assert.Contains(calls, call => call.PhoneNumber.StartsWith("+44", StringComparison.Ordinal));
    }

    private static bool Overlaps(IEnumerable<SimulatedParticipant> sessions)
    {
        var ordered = sessions.OrderBy(session => session.JoinTime).ToArray();
        return ordered.Zip(ordered.Skip(1)).Any(pair => (pair.First.LeaveTime ?? DateTime.MaxValue) > pair.Second.JoinTime);
    }

    private static SimulatorDataset Build(int seed, DateOnly today) =>
        new(new SimulatorOptions { Seed = seed, Today = today });

    [GeneratedRegex("^[A-Za-z0-9+/]{22}==$")]
    private static partial Regex Base64Uuid();

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex TenDigits();

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex HostId();

    [GeneratedRegex(@"^\+[1-9][0-9]{9,13}$")]
    private static partial Regex E164();
}
