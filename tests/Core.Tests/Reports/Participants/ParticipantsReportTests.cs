using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;
using static UMeetingReports.Core.Tests.Reports.MeetingDetail.DrillDown;

namespace UMeetingReports.Core.Tests.Reports.Participants;

public sealed class ParticipantsReportTests
{
    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));
    private static readonly DateTimeOffset Nine = MeetingBuilder.Nine;
    private static readonly DateTimeOffset Later = new(2025, 4, 1, 12, 0, 0, MeetingBuilder.Shanghai);

    [Fact]
    public async Task Sums_each_name_over_every_meeting_of_the_period()
    {
        var reader = new InMemoryMeetingReader(
            MeetingBuilder.A("m1==").InRoom("ROOM-A").With("Li Lei", 0, 10).With("Li Lei", 15, 40).With("Han Meimei", 0, 60).Build(),
            MeetingBuilder.A("m2==").InRoom("ROOM-B").StartingAt(Nine.AddDays(2)).With("Li Lei", 5, 25).Build(),
            MeetingBuilder.A("m3==").InRoom("ROOM-A").StartingAt(Nine.AddDays(3)).Build());

        var report = await Report(reader, new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 1));

        Assert.Equal(3, report.MeetingsSummed);
        Assert.Equal(March, report.Period);
        var liLei = report.Rows.Single(row => row.Name == "Li Lei");
        Assert.Equal(2, liLei.Meetings);
        Assert.Equal(3, liLei.Sessions);
        Assert.Equal(TimeSpan.FromMinutes(35 + 20), liLei.ConnectedTime);
        Assert.Equal(Nine, liLei.FirstSeen);
        Assert.Equal(Nine.AddDays(2).AddMinutes(25), liLei.LastSeen);
        Assert.Equal(["Boardroom", "Garden"], liLei.Rooms);
        Assert.Equal(["Boardroom"], report.Rows.Single(row => row.Name == "Han Meimei").Rooms);
    }

    [Fact]
    public async Task Gives_each_room_its_host_id_in_the_order_of_the_names()
    {
        var reader = new InMemoryMeetingReader(
            MeetingBuilder.A("m1==").InRoom("ROOM-B").With("Li Lei", 0, 10).Build(),
            MeetingBuilder.A("m2==").InRoom("ROOM-A").StartingAt(Nine.AddDays(2)).With("Li Lei", 5, 25).Build());

        var report = await Report(reader, new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 1));

        var liLei = Assert.Single(report.Rows);
        Assert.Equal(["Boardroom", "Garden"], liLei.Rooms);
        Assert.Equal(["ROOM-A", "ROOM-B"], liLei.RoomHostIds);
    }

    [Fact]
    public async Task Counts_overlapping_rows_once_within_a_meeting()
    {
        var reader = new InMemoryMeetingReader(MeetingBuilder.A().With("Li Lei", 0, 30).With("Li Lei", 20, 40).Build());

        var report = await Report(reader, new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 1));

        Assert.Equal(TimeSpan.FromMinutes(40), Assert.Single(report.Rows).ConnectedTime);
    }

    [Fact]
    public async Task Counts_someone_still_connected_until_now_and_says_they_are()
    {
        var now = Nine.AddMinutes(50);
        var reader = new InMemoryMeetingReader(MeetingBuilder.A().StillRunning().With("Li Lei", 10, null).Build());

        var report = await Report(reader, new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 1), now);

        var row = Assert.Single(report.Rows);
        Assert.True(row.StillConnected);
        Assert.Equal(now, row.LastSeen);
        Assert.Equal(TimeSpan.FromMinutes(40), row.ConnectedTime);
    }

    [Fact]
    public async Task Sums_only_the_chosen_rooms_meetings_of_the_month_the_archive_read_whole()
    {
        var reader = new InMemoryMeetingReader(
            MeetingBuilder.A("a==").InRoom("ROOM-A").With("Li Lei", 0, 10).Build(),
            MeetingBuilder.A("b==").InRoom("ROOM-B").With("Han Meimei", 0, 10).Build());

        var report = await Report(reader, new ParticipantsRequest(March, "ROOM-B", null, ParticipantSort.Name, false, 10, 1));

        // The archive reads whole months of every room, with everything: the room is chosen in the database.
        Assert.Equal([new MeetingQuery(March, ShowParticipants: true, ShowTelephonyUsage: true)], reader.Queries);
        Assert.Equal(["Han Meimei"], report.Rows.Select(row => row.Name));
        Assert.Equal(1, report.MeetingsSummed);
    }

    [Theory]
    [InlineData(ParticipantSort.Name, false, "Ann,bob,Cy,Dee")]
    [InlineData(ParticipantSort.Name, true, "Dee,Cy,bob,Ann")]
    [InlineData(ParticipantSort.Meetings, false, "Cy,Dee,Ann,bob")]
    [InlineData(ParticipantSort.Meetings, true, "Ann,bob,Cy,Dee")]
    [InlineData(ParticipantSort.Sessions, true, "bob,Ann,Cy,Dee")]
    [InlineData(ParticipantSort.ConnectedTime, true, "Ann,bob,Cy,Dee")]
    [InlineData(ParticipantSort.ConnectedTime, false, "Dee,bob,Cy,Ann")]
    [InlineData(ParticipantSort.FirstSeen, false, "Ann,bob,Dee,Cy")]
    [InlineData(ParticipantSort.LastSeen, true, "Cy,Ann,bob,Dee")]
    [InlineData(ParticipantSort.Rooms, true, "bob,Ann,Cy,Dee")]
    public async Task Sorts_by_each_column_either_way_with_ties_broken_by_name(ParticipantSort sort, bool descending, string expected)
    {
        //      meetings sessions connected first seen    last seen     rooms
        // Ann  2        2        60 min    day 1 09:00   day 2 10:00   1
        // bob  2        3        30 min    day 1 09:00   day 2 09:20   2
        // Cy   1        1        30 min    day 3 09:30   day 3 10:00   1
        // Dee  1        1        10 min    day 1 09:20   day 1 09:30   1
        var reader = new InMemoryMeetingReader(
            MeetingBuilder.A("d1==").InRoom("ROOM-A").With("Ann", 0, 30).With("bob", 0, 5).With("bob", 10, 15).With("Dee", 20, 30).Build(),
            MeetingBuilder.A("d2==").InRoom("ROOM-A").StartingAt(Nine.AddDays(1)).With("Ann", 30, 60).Build(),
            MeetingBuilder.A("d3==").InRoom("ROOM-B").StartingAt(Nine.AddDays(1)).With("bob", 0, 20).Build(),
            MeetingBuilder.A("d4==").InRoom("ROOM-A").StartingAt(Nine.AddDays(2)).With("Cy", 30, 60).Build());

        var report = await Report(reader, new ParticipantsRequest(March, null, null, sort, descending, 10, 1));

        Assert.Equal(expected, string.Join(',', report.Rows.Select(row => row.Name)));
    }

    [Fact]
    public async Task Counts_someone_still_connected_until_the_moment_of_each_request_to_the_same_service()
    {
        var clock = new FakeTimeProvider(Nine.AddMinutes(50));
        var reader = new InMemoryMeetingReader(MeetingBuilder.A().StillRunning().With("Li Lei", 10, null).Build());
        await using var core = OneArchive(reader, clock);
        var service = core.ParticipantsService();
        var request = new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 1);

        var first = await service.GetAsync(request, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(2));
        var second = await service.GetAsync(request, TestContext.Current.CancellationToken);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(40), Assert.Single(first.Value.Rows).ConnectedTime);
        Assert.Equal(TimeSpan.FromMinutes(42), Assert.Single(second.Value.Rows).ConnectedTime);
        Assert.Equal(Nine.AddMinutes(52), second.Value.Rows[0].LastSeen);
    }

    [Fact]
    public async Task Sorting_paging_and_searching_a_past_period_again_gives_what_a_first_request_gives()
    {
        var reader = new InMemoryMeetingReader(
            MeetingBuilder.A("d1==").InRoom("ROOM-A").With("Ann", 0, 30).With("bob", 0, 5).With("bob", 10, 15).With("Dee", 20, 30).Build(),
            MeetingBuilder.A("d2==").InRoom("ROOM-A").StartingAt(Nine.AddDays(1)).With("Ann", 30, 60).Build(),
            MeetingBuilder.A("d3==").InRoom("ROOM-B").StartingAt(Nine.AddDays(1)).With("bob", 0, 20).Build());
        await using var core = OneArchive(reader, new FakeTimeProvider(Later));
        var service = core.ParticipantsService();
        ParticipantsRequest[] requests =
        [
            new(March, null, null, ParticipantSort.ConnectedTime, true, 2, 1),
            new(March, null, null, ParticipantSort.Name, false, 2, 2),
            new(March, null, "B", ParticipantSort.Rooms, true, 10, 1),
            new(March, "ROOM-B", null, ParticipantSort.Name, false, 10, 1),
        ];

        foreach (var request in requests)
        {
            var again = await service.GetAsync(request, TestContext.Current.CancellationToken);
            var fresh = await Report(reader, request);

            Assert.True(again.Succeeded, again.Failure?.Describe());
            Assert.Equal(Lines(fresh), Lines(again.Value));
            Assert.Equal((fresh.TotalRecord, fresh.MeetingsSummed), (again.Value.TotalRecord, again.Value.MeetingsSummed));
        }

        static string[] Lines(ParticipantsReport report) =>
            [.. report.Rows.Select(row => $"{row.Name} {row.Meetings} {row.Sessions} {row.ConnectedTime} {row.FirstSeen:O} {row.LastSeen:O} {string.Join('/', row.Rooms)}")];
    }

    [Fact]
    public async Task Pages_like_the_meetings_report_with_totals_across_every_page()
    {
        var builder = MeetingBuilder.A();
        for (var person = 1; person <= 25; person++)
        {
            builder.With($"Person {person:00}", person, 60);
        }

        var reader = new InMemoryMeetingReader(builder.Build());

        var last = await Report(reader, new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 3));
        var past = await Report(reader, new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 4));

        Assert.Equal(["Person 21", "Person 22", "Person 23", "Person 24", "Person 25"], last.Rows.Select(row => row.Name));
        Assert.Equal((25, 3, 21, 25, true, false), (last.TotalRecord, last.TotalPage, last.FirstRecord, last.LastRecord, last.HasPreviousPage, last.HasNextPage));
        Assert.Empty(past.Rows);
        Assert.Equal((25, 3, 0, 0, true, false), (past.TotalRecord, past.TotalPage, past.FirstRecord, past.LastRecord, past.HasPreviousPage, past.HasNextPage));
        Assert.Equal(1, past.MeetingsSummed);
    }

    [Theory]
    [InlineData("LEI", "lei feng,Li Lei")]
    [InlineData(" lei ", "lei feng,Li Lei")]
    [InlineData("王", "<b>王伟</b>")]
    [InlineData("<B>", "<b>王伟</b>")]
    [InlineData("nobody", "")]
    [InlineData("", "<b>王伟</b>,Han Meimei,lei feng,Li Lei")]
    public async Task Finds_names_by_a_case_insensitive_substring(string search, string expected)
    {
        var reader = new InMemoryMeetingReader(
            MeetingBuilder.A().With("Li Lei", 0, 10).With("lei feng", 0, 10).With("Han Meimei", 0, 10).With("<b>王伟</b>", 0, 10).Build());

        var report = await Report(reader, new ParticipantsRequest(March, null, search, ParticipantSort.Name, false, 10, 1));

        Assert.Equal(expected, string.Join(',', report.Rows.Select(row => row.Name)));
        Assert.Equal(report.Rows.Count, report.TotalRecord);
        Assert.Equal(1, report.MeetingsSummed);
    }

    [Fact]
    public async Task Masks_names_that_are_phone_numbers_unless_asked_to_reveal_them_and_searches_only_what_is_shown()
    {
        var reader = new InMemoryMeetingReader(MeetingBuilder.A().With("+8613712349201", 0, 10).With("Li Lei", 0, 10).Build());

        var masked = await Report(reader, new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 1));
        var probed = await Report(reader, new ParticipantsRequest(March, null, "1371234", ParticipantSort.Name, false, 10, 1));
        var revealed = await Report(reader, new ParticipantsRequest(March, null, "1371234", ParticipantSort.Name, false, 10, 1, RevealPhoneNumbers: true));

        Assert.Equal(["+86 137****9201", "Li Lei"], masked.Rows.Select(row => row.Name));
        Assert.Equal([true, false], masked.Rows.Select(row => row.NameMasked));
        Assert.Empty(probed.Rows);
        Assert.Equal(["+8613712349201"], revealed.Rows.Select(row => row.Name));
        Assert.False(Assert.Single(revealed.Rows).NameMasked);
    }

    [Fact]
    public async Task Passes_the_upstreams_failure_on_instead_of_a_partial_report()
    {
        var failure = new UpstreamRejected(March, 500, "busy");
        var reader = new InMemoryMeetingReader(MeetingBuilder.A().With("Li Lei", 0, 10).Build()) { FailWhen = _ => failure };

        var result = await ParticipantsService(reader, Later).GetAsync(
            new ParticipantsRequest(March, null, null, ParticipantSort.Name, false, 10, 1), TestContext.Current.CancellationToken);

        Assert.Equal(failure, result.Failure);
        Assert.Null(result.Value);
    }

    /// <summary>One archive and one set of services over <paramref name="reader"/>'s meetings, asked as often as a test likes.</summary>
    private static CoreHarness OneArchive(InMemoryMeetingReader reader, FakeTimeProvider clock) => CoreHarness.Create(
        new Uri("http://in-memory.test"),
        clock: clock,
        register: services => services
            .Replace(ServiceDescriptor.Singleton<IMeetingReader>(reader))
            .Replace(ServiceDescriptor.Singleton<IRoomDirectory>(FixedRoomDirectory.Named(("ROOM-A", "Boardroom"), ("ROOM-B", "Garden")))));

    private static async Task<ParticipantsReport> Report(InMemoryMeetingReader reader, ParticipantsRequest request, DateTimeOffset? now = null)
    {
        var result = await ParticipantsService(reader, now ?? Later).GetAsync(request, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Failure?.Describe());
        return result.Value;
    }
}
