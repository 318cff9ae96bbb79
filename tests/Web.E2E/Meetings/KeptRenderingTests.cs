using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Pages.Meetings;

namespace UMeetingReports.Web.E2E.Meetings;

/// <summary>
/// The key /meetings keeps its rendered report under: the same for the same address, copies, rooms and day; another
/// for anything the page would show differently; none where the words come from what no key names.
/// </summary>
public sealed class KeptRenderingTests
{
    private const string Query = "?from=2025-05-01&to=2025-05-31";

    private static readonly DateOnly Today = new(2025, 6, 15);

    private static readonly DatePeriod May = new(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));

    private static readonly RoomList Rooms = new([new Room("host-a", "Board room", 10), new Room("host-b", "Studio", 6)], IsKnown: true);

    [Fact]
    public void The_same_address_over_the_same_copies_rooms_and_day_is_kept_under_one_key()
    {
        // Act
        var first = KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(Rooms), kpis: null, comparison: null, Today);
        var second = KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(Rooms with { Rooms = [.. Rooms.Rooms] }), kpis: null, comparison: null, Today);

        // Assert
        Assert.NotNull(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_address_a_new_copy_a_renamed_room_or_another_day_is_another_key()
    {
        // Arrange
        var kept = KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(Rooms), kpis: null, comparison: null, Today);
        var renamed = Rooms with { Rooms = [new Room("host-a", "Boardroom", 10), Rooms.Rooms[1]] };

        // Act
        var others = new[]
        {
            KeptRendering.KeyOf(Query + "&page=2", Copy(ticks: 1), Report(Rooms), kpis: null, comparison: null, Today),
            KeptRendering.KeyOf(Query, Copy(ticks: 2), Report(Rooms), kpis: null, comparison: null, Today),
            KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(renamed), kpis: null, comparison: null, Today),
            KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(Rooms), kpis: null, comparison: null, Today.AddDays(1)),
        };

        // Assert
        Assert.All(others, other => Assert.NotNull(other));
        Assert.Equal(5, others.Append(kept).Distinct().Count());
    }

    [Fact]
    public void A_search_the_order_by_room_or_a_room_the_list_does_not_name_is_rendered_afresh()
    {
        // Arrange
        var request = new MeetingsRequest(new MeetingQuery(May), 30, 1);

        // Act
        var keys = new[]
        {
            KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(Rooms, request with { Search = "board" }), kpis: null, comparison: null, Today),
            KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(Rooms, request with { Sort = MeetingSort.Room }), kpis: null, comparison: null, Today),
            KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(Rooms with { Rooms = [Rooms.Rooms[0]] }), kpis: null, comparison: null, Today),
            KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(RoomList.Unknown), kpis: null, comparison: null, Today),
        };

        // Assert
        Assert.All(keys, key => Assert.Null(key));
    }

    [Fact]
    public void Kpis_still_being_counted_are_rendered_afresh()
    {
        // Arrange
        var counting = new Gathered<Core.Reports.Analytics.PeriodKpis>(null, null, new GatherTicket("gathering-1", May, new GatherProgress(0, 1, 0, 0, 0)));

        // Act
        var key = KeptRendering.KeyOf(Query, Copy(ticks: 1), Report(Rooms), counting, comparison: null, Today);

        // Assert
        Assert.Null(key);
    }

    private static ArchivedPeriod Copy(long ticks) =>
        new(May, [new MonthSyncOutcome(May.From, Succeeded: true, Records: 2, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks), UpstreamRequests: 1, Failure: null)]);

    private static MeetingsReport Report(RoomList rooms, MeetingsRequest? request = null)
    {
        var start = new DateTimeOffset(2025, 5, 6, 9, 0, 0, TimeSpan.FromHours(8));
        MeetingRow[] rows =
        [
            new("uuid-1", "host-a", rooms.NameOf("host-a"), "111 222 333", "Weekly sync", start, start.AddHours(1), 60, 58, false, 5, 0, 0m),
            new("uuid-2", "host-b", rooms.NameOf("host-b"), "444 555 666", "Interview", start.AddDays(1), start.AddDays(1).AddHours(1), 60, 61, false, 2, 12, 2.40m),
        ];
        return new MeetingsReport(request ?? new MeetingsRequest(new MeetingQuery(May), 30, 1), rows.Length, rooms, rows, MeetingTotals.From(rows), "Asia/Shanghai (UTC+08:00)", null);
    }
}
