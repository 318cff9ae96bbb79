using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// A window's rows go in past EF Core (<see cref="BulkRows"/>: on SQLite bound by position onto a prepared statement,
/// on PostgreSQL by COPY). Every column must hold what SaveChanges would have stored, to the storage class and the
/// text: the reports compare times as text on SQLite and sum amounts as stored.
/// </summary>
public abstract class BulkRowsTests(ArchiveServer server)
{
    private static readonly DateOnly May = new(2025, 5, 1);

    [Fact]
    public async Task Rows_inserted_in_bulk_are_stored_exactly_as_SaveChanges_stores_them()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var bulk = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using var saved = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var cancellationToken = TestContext.Current.CancellationToken;

        await using (var context = bulk.Context())
        {
            context.Rooms.Add(Room());
            await context.SaveChangesAsync(cancellationToken);
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            var meetings = Meetings();
            await BulkRows.InsertAsync(context, meetings, cancellationToken);
            await BulkRows.InsertAsync(context, [.. meetings.SelectMany(meeting => meeting.Participants)], cancellationToken);
            await BulkRows.InsertAsync(context, [.. meetings.SelectMany(meeting => meeting.Telephony)], cancellationToken);
            await BulkRows.InsertAsync(context, RoomDayName.Of(meetings, bulk.Zone), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await using (var context = saved.Context())
        {
            context.Rooms.Add(Room());
            var meetings = Meetings();
            context.Meetings.AddRange(meetings);
            context.RoomDayNames.AddRange(RoomDayName.Of(meetings, saved.Zone));
            await context.SaveChangesAsync(cancellationToken);
        }

        foreach (var table in new[] { "meetings", "participant_sessions", "telephony_legs", "room_day_names" })
        {
            var expected = await StoredAsync(saved, table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await StoredAsync(bulk, table));
        }
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_the_insert_with_the_databases_reason()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var context = archive.Context();
        context.Rooms.Add(Room());
        await context.SaveChangesAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var twice = Meetings().Take(1).Concat(Meetings().Take(1)).ToList();

        await Assert.ThrowsAnyAsync<DbException>(() => BulkRows.InsertAsync(context, twice, cancellationToken));
    }

    private static ArchivedRoom Room() => new() { HostId = "room-1", Name = "大会议室", Capacity = 20, FirstSeenAt = new DateTime(2025, 5, 1, 8, 0, 0) };

    /// <summary>Values whose text is easy to get wrong: fractions of a second, no end, amounts with and without fen, Chinese.</summary>
    private static List<ArchivedMeeting> Meetings()
    {
        var start = new DateTime(2025, 5, 6, 9, 30, 0).AddTicks(1_234_560);
        return
        [
            Meeting("m-1", 0, start, start.AddMinutes(45), actualMinutes: 45, cost: 12.00m, topic: "周会 · 产品组"),
            Meeting("m-2", 1, start.AddHours(2), end: null, actualMinutes: null, cost: 0.29m, topic: "Weekly SYNC"),
            Meeting("m-3", 2, new DateTime(2025, 5, 31, 23, 59, 59), new DateTime(2025, 6, 1, 0, 30, 0), actualMinutes: 31, cost: -999_999_999_999.99m, topic: "跨月"),
            Meeting("m-4", 3, new DateTime(2025, 5, 7, 0, 0, 0), new DateTime(2025, 5, 7, 1, 0, 0), actualMinutes: 60, cost: 0m, topic: "零"),
        ];
    }

    private static ArchivedMeeting Meeting(string uuid, int position, DateTime start, DateTime? end, int? actualMinutes, decimal cost, string topic) => new()
    {
        Uuid = uuid,
        HostId = "room-1",
        MeetingId = "8812345" + position,
        Topic = topic,
        TopicSearch = topic.ToLowerInvariant(),
        Start = start,
        ScheduledMinutes = 60,
        End = end,
        IsExtra = position % 2 == 1,
        WindowMonth = May,
        WindowPosition = position,
        ActualMinutes = actualMinutes,
        ParticipantRows = 2,
        DistinctParticipants = 2,
        PhoneCalls = 1,
        PhoneMinutes = 7,
        PhoneCost = cost,
        Participants =
        [
            new ParticipantSession { MeetingUuid = uuid, Position = 0, Name = "张伟", JoinTime = start, LeaveTime = end },
            new ParticipantSession { MeetingUuid = uuid, Position = 1, Name = "Ada O'Brien", JoinTime = start.AddSeconds(1.5), LeaveTime = null },
        ],
        Telephony =
        [
            new TelephonyLeg { MeetingUuid = uuid, Position = 0, PhoneNumber = "+86 10 5555 0100", Type = "call_in", StartTime = start, EndTime = end, Minutes = 7, Cost = 1.15m },
        ],
    };

    /// <summary>Every row of <paramref name="table"/> in its primary key's order, each value as the provider returns it (on SQLite: its storage class).</summary>
    private static async Task<List<string>> StoredAsync(ArchiveHarness archive, string table)
    {
        await using var context = archive.Context();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2, 3";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(index =>
            {
                var value = reader.GetValue(index);
                return $"{reader.GetName(index)}={value.GetType().Name}:{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}";
            })));
        }

        return rows;
    }
}

public sealed class BulkRowsOnSqliteTests(SqliteArchiveServer server) : BulkRowsTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class BulkRowsOnPostgreSqlTests(PostgreSqlArchiveServer server) : BulkRowsTests(server), IClassFixture<PostgreSqlArchiveServer>;
