using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Tests.Reports.MeetingDetail;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Simulator;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// The day names (<see cref="RoomDayName"/>) from which the reports count distinct names: always the distinct
/// (start day, room, name) of the participant rows the archive holds, window by window. Runs on SQLite and on
/// PostgreSQL (the subclasses below).
/// </summary>
public abstract class RoomDayNamesTests(ArchiveServer server)
{
    private static readonly DateOnly May = new(2025, 5, 1);
    private static readonly DateOnly June = new(2025, 6, 1);

    [Fact]
    public async Task A_windows_day_names_are_the_distinct_start_day_room_and_name_of_its_meetings_participants()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var truth = sim.Dataset.MeetingsBetween(May, new DateOnly(2025, 5, 31))
            .SelectMany(meeting => meeting.Participants, (meeting, participant) => Line(DateOnly.FromDateTime(meeting.Start), meeting.HostId, participant.Name, May))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        Assert.Equal(truth, await StoredAsync(archive));
        Assert.True(truth.Count > 100, "the month should have many day names");
    }

    [Fact]
    public async Task Each_day_name_carries_the_names_sums_over_the_ended_meetings_of_its_room_and_day()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var days = sim.Dataset.MeetingsBetween(May, new DateOnly(2025, 5, 31))
            .SelectMany(
                meeting => IndependentTruth.Rows(meeting, sim.Dataset).GroupBy(row => row.Name, StringComparer.Ordinal),
                (meeting, rows) => (Day: DateOnly.FromDateTime(meeting.Start), meeting.HostId, Name: rows.Key, Rows: rows.ToList()))
            .GroupBy(person => (person.Day, person.HostId, person.Name))
            .ToList();
        var truth = days
            .Select(day => Sums(
                Line(day.Key.Day, day.Key.HostId, day.Key.Name, May),
                day.Count(),
                day.Sum(person => person.Rows.Count),
                day.Aggregate(TimeSpan.Zero, (sum, person) => sum + IndependentTruth.Covered(person.Rows)),
                day.Min(person => person.Rows.Min(row => row.Join)),
                day.Max(person => person.Rows.Max(row => row.End)),
                day.Any(person => person.Rows.Exists(row => row.Open))))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(sim.Dataset.MeetingsBetween(May, new DateOnly(2025, 5, 31)).All(meeting => meeting.End is not null), "May's meetings should all have ended");

        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        Assert.Equal(truth, await StoredSumsAsync(archive));
        Assert.Contains(days, day => day.Count() > 1);
        Assert.Contains(days, day => day.Any(person => person.Rows.Count > 1));
    }

    [Fact]
    public async Task A_name_seen_only_in_a_meeting_still_running_is_a_day_name_with_nothing_summed_yet()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var running = sim.Dataset.MeetingsBetween(new DateOnly(2025, 6, 15), new DateOnly(2025, 6, 15)).First(meeting => meeting.End is null && meeting.Participants.Count > 0);
        var onlyThere = running.Participants.Select(row => row.Name)
            .Where(name => !sim.Dataset.MeetingsBetween(new DateOnly(2025, 6, 15), new DateOnly(2025, 6, 15), running.HostId)
                .Any(meeting => meeting.End is not null && meeting.Participants.Any(row => row.Name == name)))
            .ToList();
        Assert.NotEmpty(onlyThere);

        await archive.Synchroniser.ReadMonthAsync(June, progress: null, TestContext.Current.CancellationToken);

        await using var context = archive.Context();
        var rows = await context.RoomDayNames.AsNoTracking()
            .Where(row => row.Day == new DateOnly(2025, 6, 15) && row.HostId == running.HostId)
            .ToListAsync(TestContext.Current.CancellationToken);
        foreach (var name in onlyThere)
        {
            var row = Assert.Single(rows, row => row.Name == name);
            Assert.Equal((0, 0, 0L, null, null, false), (row.Meetings, row.Sessions, row.ConnectedTicks, row.FirstJoin, row.LastSeen, row.StillConnected));
        }
    }

    [Fact]
    public async Task A_window_read_again_replaces_its_day_names_and_leaves_the_other_windows_alone()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await MayAndJuneAsync(sim);
        var before = await StoredAsync(archive);
        await using (var context = archive.Context())
        {
            var hostId = await context.Meetings.Select(meeting => meeting.HostId).FirstAsync(TestContext.Current.CancellationToken);
            context.RoomDayNames.Add(new RoomDayName { Day = new DateOnly(2025, 5, 20), HostId = hostId, Name = "Left By An Older Read", WindowMonth = May });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        Assert.Equal(before, await StoredAsync(archive));
        Assert.Equal(await DerivedAsync(archive), await StoredAsync(archive));
    }

    [Fact]
    public async Task A_meeting_that_a_read_moves_from_another_window_leaves_none_of_its_names_behind_there()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await MayAndJuneAsync(sim);
        var mayNames = (await StoredAsync(archive)).Where(line => line.EndsWith(" 2025-05", StringComparison.Ordinal)).ToList();

        // As if June's last read had listed one of May's meetings with one more person: it sits in June's copy.
        await using (var context = archive.Context())
        {
            var moved = await context.Meetings.Where(meeting => meeting.WindowMonth == May).OrderBy(meeting => meeting.Uuid).FirstAsync(TestContext.Current.CancellationToken);
            await context.RoomDayNames.Where(row => row.WindowMonth == May).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            moved.WindowMonth = June;
            context.ParticipantSessions.Add(new ParticipantSession { MeetingUuid = moved.Uuid, Position = 10_000, Name = "Only In June's Copy", JoinTime = moved.Start });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            context.RoomDayNames.AddRange(RoomDayName.Of(await context.Meetings.Where(meeting => meeting.Uuid == moved.Uuid).Include(meeting => meeting.Participants).ToListAsync(TestContext.Current.CancellationToken), archive.Zone));
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Contains(await StoredAsync(archive), line => line.Contains("Only In June's Copy", StringComparison.Ordinal));

        // May's read lists the meeting again: it comes back to May, and June keeps only its own meetings' names.
        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        var stored = await StoredAsync(archive);
        Assert.DoesNotContain(stored, line => line.Contains("Only In June's Copy", StringComparison.Ordinal));
        Assert.Equal(mayNames, stored.Where(line => line.EndsWith(" 2025-05", StringComparison.Ordinal)));
        Assert.Equal(await DerivedAsync(archive), stored);
    }

    [Fact]
    public async Task Upgrading_an_archive_from_before_the_day_names_counts_them_from_its_participant_rows()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await MayAndJuneAsync(sim);
        var written = await StoredAsync(archive);
        await using (var context = archive.Context())
        {
            var before = context.Database.GetMigrations().Single(migration => migration.EndsWith("_SeveralInstances", StringComparison.Ordinal));
            await context.GetService<IMigrator>().MigrateAsync(before, TestContext.Current.CancellationToken);
        }

        await archive.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(written, await StoredAsync(archive));
    }

    [Fact]
    public async Task Upgrading_an_archive_from_before_the_names_sums_counts_them_from_its_participant_rows_at_start()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await MayAndJuneAsync(sim);
        var written = await StoredSumsAsync(archive);
        await using (var context = archive.Context())
        {
            var before = context.Database.GetMigrations().Single(migration => migration.EndsWith("_RoomDayNames", StringComparison.Ordinal));
            await context.GetService<IMigrator>().MigrateAsync(before, TestContext.Current.CancellationToken);
        }

        await archive.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(written, await StoredSumsAsync(archive));
        Assert.Contains(written, line => !line.Contains(" | 0 | 0 | ", StringComparison.Ordinal));
        Assert.True((await archive.WindowAsync(May))!.PeopleSummed);
        Assert.Contains(archive.Logs.Lines, line => line.Contains("each name's sums were counted for 2 month(s)", StringComparison.Ordinal));
    }

    private async Task<ArchiveHarness> MayAndJuneAsync(RunningSimulator sim)
    {
        var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);
        await archive.Synchroniser.ReadMonthAsync(June, progress: null, TestContext.Current.CancellationToken);
        return archive;
    }

    private static string Line(DateOnly day, string hostId, string name, DateOnly window) =>
        FormattableString.Invariant($"{day:yyyy-MM-dd} {hostId} {name} {window:yyyy-MM}");

    private static string Sums(string line, int meetings, int sessions, TimeSpan connected, DateTime? first, DateTime? last, bool stillConnected) =>
        FormattableString.Invariant($"{line} | {meetings} | {sessions} | {connected} | {first:yyyy-MM-dd HH:mm:ss.fffffff} | {last:yyyy-MM-dd HH:mm:ss.fffffff} | {(stillConnected ? "connected" : "gone")}");

    /// <summary>Every day name with the sums it carries.</summary>
    private static async Task<List<string>> StoredSumsAsync(ArchiveHarness archive)
    {
        await using var context = archive.Context();
        var rows = await context.RoomDayNames.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows
            .Select(row => Sums(Line(row.Day, row.HostId, row.Name, row.WindowMonth), row.Meetings, row.Sessions, TimeSpan.FromTicks(row.ConnectedTicks), row.FirstJoin, row.LastSeen, row.StillConnected))
            .Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> StoredAsync(ArchiveHarness archive)
    {
        await using var context = archive.Context();
        var rows = await context.RoomDayNames.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Select(row => Line(row.Day, row.HostId, row.Name, row.WindowMonth)).Order(StringComparer.Ordinal)];
    }

    /// <summary>What the day names must be: counted afresh from the meetings and participant rows held.</summary>
    private static async Task<List<string>> DerivedAsync(ArchiveHarness archive)
    {
        await using var context = archive.Context();
        var sessions = await context.Meetings.AsNoTracking()
            .SelectMany(meeting => meeting.Participants, (meeting, session) => new { meeting.Start, meeting.HostId, session.Name, meeting.WindowMonth })
            .ToListAsync(TestContext.Current.CancellationToken);
        return [.. sessions.Select(session => Line(DateOnly.FromDateTime(session.Start), session.HostId, session.Name, session.WindowMonth)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}

public sealed class RoomDayNamesOnSqliteTests(SqliteArchiveServer server) : RoomDayNamesTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class RoomDayNamesOnPostgreSqlTests(PostgreSqlArchiveServer server) : RoomDayNamesTests(server), IClassFixture<PostgreSqlArchiveServer>;
