using System.Text.Json;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;
using static UMeetingReports.Core.Tests.Reports.MeetingDetail.DrillDown;

namespace UMeetingReports.Core.Tests.Reports.MeetingDetail;

public sealed class MeetingDetailLookupTests
{
    /// <summary>Ten in the morning of 2025-06-15 in Shanghai.</summary>
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 0, 0, MeetingBuilder.Shanghai);

    private static readonly DatePeriod June = new(new(2025, 6, 1), new(2025, 6, 15));
    private static readonly DatePeriod May = new(new(2025, 5, 1), new(2025, 5, 31));
    private static readonly DatePeriod April = new(new(2025, 4, 1), new(2025, 4, 30));

    [Fact]
    public async Task Picks_the_asked_record_even_when_the_upstream_answers_with_others()
    {
        var other = MeetingBuilder.A("b/0ther+record==").StartingAt(At(2025, 5, 3)).Build();
        var asked = MeetingBuilder.A("a+b/c==").StartingAt(At(2025, 5, 9)).With("Li Lei", 0, 10).Build();
        var service = DetailService(new InMemoryMeetingReader(other, asked), Now);

        var result = await service.GetAsync("a+b/c==", May, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        var found = Assert.IsType<MeetingDetailFound>(result);
        Assert.Equal("a+b/c==", found.Report.Meeting.Uuid);
        Assert.Equal("a+b/c==", found.Uuid);
        Assert.Equal(["Li Lei"], found.Report.People.Select(person => person.Name));
    }

    [Fact]
    public async Task Reads_the_given_periods_month_into_the_archive_and_finds_the_record_there()
    {
        var reader = new InMemoryMeetingReader(MeetingBuilder.A("x/y+z==").StartingAt(At(2025, 5, 9)).Build());
        var service = DetailService(reader, Now);

        var result = await service.GetAsync("x/y+z==", May, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        Assert.Equal([new MeetingQuery(May, ShowParticipants: true, ShowTelephonyUsage: true)], reader.Queries);
        Assert.Equal([May], result.PeriodsSearched);
        Assert.Equal(May, Assert.IsType<MeetingDetailFound>(result).Report.FoundIn);
    }

    [Fact]
    public async Task Searches_back_month_by_month_from_today_and_stops_at_the_first_month_that_holds_it()
    {
        var reader = new InMemoryMeetingReader(MeetingBuilder.A("k+/=").StartingAt(At(2025, 4, 30, 23, 30)).Build());
        var service = DetailService(reader, Now);

        var result = await service.GetAsync("k+/=", period: null, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        var found = Assert.IsType<MeetingDetailFound>(result);
        Assert.Equal([June, May, April], reader.Queries.Select(query => query.Period));
        Assert.Equal([June, May, April], found.PeriodsSearched);
        Assert.Equal(April, found.Report.FoundIn);
    }

    [Fact]
    public async Task Names_the_record_and_every_month_searched_when_no_month_holds_it()
    {
        var reader = new InMemoryMeetingReader(MeetingBuilder.A("old+one==").StartingAt(At(2024, 5, 31)).Build());
        var service = DetailService(reader, Now);

        var result = await service.GetAsync("old+one==", period: null, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        var notFound = Assert.IsType<MeetingDetailNotFound>(result);
        Assert.Equal("old+one==", notFound.Uuid);
        Assert.Equal(MeetingDetailSearch.Months, notFound.PeriodsSearched.Count);
        Assert.Equal(June, notFound.PeriodsSearched[0]);
        Assert.Equal(new DatePeriod(new(2024, 6, 1), new(2024, 6, 30)), notFound.PeriodsSearched[^1]);
        Assert.StartsWith("No meeting record 'old+one==' in 2025-06-01..2025-06-15, 2025-05-01..2025-05-31,", notFound.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_which_period_was_searched_when_the_given_one_does_not_hold_the_record()
    {
        var service = DetailService(new InMemoryMeetingReader(MeetingBuilder.A("q==").StartingAt(At(2025, 4, 2)).Build()), Now);

        var result = await service.GetAsync("q==", May, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        Assert.Equal("No meeting record 'q==' in 2025-05-01..2025-05-31.", Assert.IsType<MeetingDetailNotFound>(result).Describe());
    }

    [Fact]
    public async Task Passes_the_upstreams_failure_on_with_the_months_searched_so_far()
    {
        var failure = new UpstreamUnreachable(May, "time-out");
        var reader = new InMemoryMeetingReader(MeetingBuilder.A("z==").StartingAt(At(2025, 4, 2)).Build())
        {
            FailWhen = period => period == May ? failure : null,
        };
        var service = DetailService(reader, Now);

        var result = await service.GetAsync("z==", period: null, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        var failed = Assert.IsType<MeetingDetailFailed>(result);
        Assert.Equal(failure, failed.Failure);
        Assert.Equal([June, May], failed.PeriodsSearched);
        Assert.Equal(2, reader.Queries.Count);
    }

    [Fact]
    public async Task Refuses_a_blank_record_id_instead_of_asking_for_every_meeting()
    {
        var reader = new InMemoryMeetingReader();
        var service = DetailService(reader, Now);

        await Assert.ThrowsAsync<ArgumentException>(() => service.GetAsync(" ", May, revealPhoneNumbers: true, TestContext.Current.CancellationToken));
        Assert.Empty(reader.Queries);
    }

    [Theory]
    [InlineData("ROOM-A", "Boardroom")]
    [InlineData("ROOM-UNNAMED", "ROOM-UNNAMED")]
    public async Task Names_the_room_or_falls_back_to_its_host_id(string hostId, string expected)
    {
        var meeting = MeetingBuilder.A().InRoom(hostId).StartingAt(At(2025, 5, 2)).Build();
        var service = DetailService(new InMemoryMeetingReader(meeting), Now, FixedRoomDirectory.Named(("ROOM-A", "Boardroom")));

        var result = await service.GetAsync(meeting.Uuid, May, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        Assert.Equal(expected, Assert.IsType<MeetingDetailFound>(result).Report.RoomName);
    }

    [Fact]
    public async Task Falls_back_to_the_host_id_when_the_room_list_is_unknown()
    {
        var meeting = MeetingBuilder.A().InRoom("ROOM-A").StartingAt(At(2025, 5, 2)).Build();
        var service = DetailService(new InMemoryMeetingReader(meeting), Now, new FixedRoomDirectory(RoomList.Unknown));

        var result = await service.GetAsync(meeting.Uuid, May, revealPhoneNumbers: true, TestContext.Current.CancellationToken);

        Assert.Equal("ROOM-A", Assert.IsType<MeetingDetailFound>(result).Report.RoomName);
    }

    [Fact]
    public async Task Holds_no_whole_phone_number_anywhere_in_a_masked_result()
    {
        var meeting = MeetingBuilder.A()
            .With("+8613712349201", 0, 30)    // a dial-in participant, named by its number
            .With("+86 139-8765-4321", 10, 5) // the same kind, in a row bad enough to be quoted in a warning
            .With("Li Lei", 0, 40)
            .WithCall("+8613712349201", 0, 30, 30, 1.80m)
            .WithCall("+14155552671", 5, 17, 12, 1.44m, type: "call-out")
            .Build();

        var report = await DetailOf(meeting, revealPhoneNumbers: false);

        var everything = JsonSerializer.Serialize(report);
        foreach (var whole in new[] { "13712349201", "4155552671", "98765", "8765-4321" })
        {
            Assert.DoesNotContain(whole, everything, StringComparison.Ordinal);
        }

        Assert.False(report.PhoneNumbersRevealed);
        Assert.Equal(["+86 137****9201", "+1 41****2671"], report.Telephony.Calls.Select(call => call.PhoneNumber));
        Assert.Equal(["+86 137****9201", "Li Lei", "+86 139****4321"], report.People.Select(person => person.Name));
        Assert.Equal([true, false, true], report.People.Select(person => person.NameMasked));
        Assert.Equal(3.24m, report.Telephony.TotalCost);
        Assert.Equal("+86 139****4321", Assert.Single(report.DataWarnings).Name);
    }

    [Fact]
    public async Task Shows_whole_phone_numbers_when_asked_to_reveal_them()
    {
        var meeting = MeetingBuilder.A().With("+8613712349201", 0, 30).WithCall("+8613712349201", 0, 30, 30, 1.80m).Build();

        var report = await DetailOf(meeting, revealPhoneNumbers: true);

        Assert.True(report.PhoneNumbersRevealed);
        Assert.Equal("+8613712349201", Assert.Single(report.Telephony.Calls).PhoneNumber);
        Assert.Equal(("+8613712349201", false), (Assert.Single(report.People).Name, report.People[0].NameMasked));
    }

    [Fact]
    public async Task Keeps_two_dial_in_numbers_that_mask_alike_as_two_people()
    {
        var meeting = MeetingBuilder.A().With("+8613712349201", 0, 30).With("+8613755559201", 10, 20).Build();

        var report = await DetailOf(meeting, revealPhoneNumbers: false);

        Assert.Equal(["+86 137****9201", "+86 137****9201"], report.People.Select(person => person.Name));
        Assert.Equal(2, report.Peak!.Participants);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(year, month, day, hour, minute, 0, MeetingBuilder.Shanghai);
}
