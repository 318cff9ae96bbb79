using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// A month window read from the simulator over real HTTP and written to a real database: exactly the service's
/// records, written whole or not at all. Runs on SQLite and on PostgreSQL (the subclasses below).
/// </summary>
public abstract class MonthWindowSyncTests(ArchiveServer server)
{
    private static readonly DateOnly May = new(2025, 5, 1);

    /// <summary>Small pages, so that a month takes several requests and a fault can strike in the middle of one.</summary>
    private static readonly Dictionary<string, string?> SmallPages = new() { ["UMeeting:MaxPageSize"] = "50" };

    [Fact]
    public async Task A_synced_month_holds_exactly_the_simulators_meetings_with_every_participant_and_call()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);
        var truth = sim.Dataset.MeetingsBetween(May, new DateOnly(2025, 5, 31));

        var outcome = await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(GroundTruth.Lines(truth, participants: true, telephony: true), await archive.LinesAsync(May));
        Assert.Equal(truth.Count, outcome.Records);
        Assert.True(truth.Count > 100, "the month should need several pages of 50");
    }

    [Fact]
    public async Task Each_meeting_carries_its_totals_and_the_month_adds_up_to_the_fen()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);
        var truth = sim.Dataset.MeetingsBetween(May, new DateOnly(2025, 5, 31));

        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        await using var context = archive.Context();
        var totals = await context.Meetings.AsNoTracking()
            .OrderBy(meeting => meeting.WindowPosition)
            .Select(meeting => new { meeting.Uuid, meeting.ActualMinutes, meeting.ParticipantRows, meeting.DistinctParticipants, meeting.PhoneCalls, meeting.PhoneMinutes, meeting.PhoneCost })
            .ToListAsync(TestContext.Current.CancellationToken);
        var expected = truth.Select(meeting => new
        {
            meeting.Uuid,
            ActualMinutes = meeting.End is { } end ? (int?)(int)(end - meeting.Start).TotalMinutes : null,
            ParticipantRows = meeting.Participants.Count,
            DistinctParticipants = meeting.Participants.Select(participant => participant.Name).Distinct(StringComparer.Ordinal).Count(),
            PhoneCalls = meeting.Telephony.Count,
            PhoneMinutes = meeting.Telephony.Sum(call => call.Duration),
            PhoneCost = meeting.Telephony.Sum(call => call.Total),
        });
        Assert.Equal(expected, totals);
        Assert.Contains(totals, meeting => meeting.ActualMinutes is null || meeting.PhoneCost > 0);

        // Summed by the database, as the reports will: decimal to the fen on both providers.
        var monthCost = await context.Meetings.Where(meeting => meeting.WindowMonth == May).SumAsync(meeting => meeting.PhoneCost, TestContext.Current.CancellationToken);
        var legCost = await context.TelephonyLegs.SumAsync(leg => leg.Cost, TestContext.Current.CancellationToken);
        var truthCost = truth.SelectMany(meeting => meeting.Telephony).Sum(call => call.Total);
        Assert.Equal(truthCost.ToString("F2", CultureInfo.InvariantCulture), monthCost.ToString("F2", CultureInfo.InvariantCulture));
        Assert.Equal(truthCost, legCost);
    }

    [Fact]
    public async Task The_window_row_records_the_meetings_the_completion_time_and_every_upstream_request_spent()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        // One 503 on page 2: the retry is a request spent too.
        sim.Faults.Add(new FaultRule(FaultKind.ServerError, Times: 1, When: request => request.From == May && request.PageNumber == 2));
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);
        sim.Requests.Clear();

        var outcome = await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        var window = await archive.WindowAsync(May);
        Assert.NotNull(window);
        Assert.Equal(MonthWindowState.Synced, window.State);
        Assert.Equal(sim.Dataset.MeetingsBetween(May, new DateOnly(2025, 5, 31)).Count, window.Records);
        Assert.Equal(ArchiveHarness.SimulatorNow.DateTime, window.CompletedAt);
        Assert.Equal(ArchiveHarness.SimulatorNow, outcome.CompletedAt);
        Assert.Null(window.LastError);
        var pages = (window.Records + 49) / 50;
        Assert.Equal(pages + 1, ArchiveHarness.DetailRequestsFor(sim, May));
        Assert.Equal(pages + 1, window.UpstreamRequests);
        Assert.True(window.Settled, "May was read after June 3, when it had settled");
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_a_window_keeps_the_previous_copy_and_marks_the_window_failed()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);
        var before = await CopyOfMayAnHourAgoAsync(archive);
        sim.Faults.Add(new FaultRule(FaultKind.Rejected, When: request => request.From == May && request.PageNumber == 3, Status: 500, Message: "internal error"));
        sim.Requests.Clear();

        var outcome = await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Equal("The meeting service refused the request for 2025-05-01..2025-05-31: internal error (status 500).", outcome.Failure);
        Assert.True(ArchiveHarness.DetailRequestsFor(sim, May) >= 3, "the failure should come after pages were read");
        var window = await AssertFailedWithTheCopyKeptAsync(archive, before);
        Assert.Equal(outcome.UpstreamFailure, StoredFailure.Read(window.LastError!));
        Assert.True(outcome.HasCopy);
    }

    [Fact]
    public async Task A_month_the_service_no_longer_lists_keeps_its_copy_and_says_why()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);
        var before = await CopyOfMayAnHourAgoAsync(archive);
        sim.Faults.Add(new FaultRule(FaultKind.Forgotten, When: request => request.From == May));

        var outcome = await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            $"The month 2025-05-01..2025-05-31 was not archived: the meeting service now lists no meeting in it, where the archive's copy holds {before.Lines.Count}; the copy is kept (the service may no longer keep meetings this old).",
            outcome.Failure);
        Assert.NotEmpty(before.Lines);
        await AssertFailedWithTheCopyKeptAsync(archive, before);
    }

    [Fact]
    public async Task A_month_never_read_that_the_service_lists_empty_is_synced_with_no_meetings()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Forgotten, When: request => request.From == May));
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);

        var outcome = await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded);
        Assert.Empty(await archive.LinesAsync(May));
        var window = await archive.WindowAsync(May);
        Assert.Equal((MonthWindowState.Synced, 0), (window!.State, window.Records));
    }

    [Fact]
    public async Task A_month_that_never_synced_and_fails_holds_no_meetings_and_says_why()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        sim.Faults.Add(new FaultRule(FaultKind.CutShortEcho, When: request => request.From == May && request.PageNumber == 2));
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);

        var outcome = await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        Assert.False(outcome.HasCopy);
        Assert.StartsWith("The meeting service cut this period short: asked for 2025-05-01..2025-05-31", outcome.Failure, StringComparison.Ordinal);
        Assert.Empty(await archive.LinesAsync(May));
        Assert.Equal(MonthWindowState.Failed, (await archive.WindowAsync(May))!.State);
    }

    [Fact]
    public async Task A_month_the_database_refuses_keeps_its_previous_copy_and_a_coded_note_naming_the_archive()
    {
        // Arrange: May has a copy; then the database refuses every new telephone leg, as a full disk would.
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);
        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);
        var before = await archive.LinesAsync(May);
        await using (var context = archive.Context())
        {
            await context.Database.ExecuteSqlRawAsync(
                archive.Database.Provider == ArchiveProvider.Sqlite
                    ? "CREATE TRIGGER refuse_legs BEFORE INSERT ON telephony_legs BEGIN SELECT RAISE(ABORT, 'disk is full'); END"
                    : """
                      CREATE FUNCTION refuse_legs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk is full'; END $$;
                      CREATE TRIGGER refuse_legs BEFORE INSERT ON telephony_legs FOR EACH ROW EXECUTE FUNCTION refuse_legs();
                      """,
                TestContext.Current.CancellationToken);
        }

        // Act
        var outcome = await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal(before, await archive.LinesAsync(May));
        var window = await archive.WindowAsync(May);
        Assert.Equal(MonthWindowState.Failed, window!.State);
        var note = Assert.IsType<UpstreamUnreachable>(StoredFailure.Read(window.LastError!));
        Assert.Equal(UnreachableCause.NotWritten, note.Why.Cause);
        Assert.Equal(archive.Database.Location, note.Why.Facts[0]);
        Assert.Contains("disk is full", note.Why.Facts[1], StringComparison.Ordinal);
        Assert.Equal(note, outcome.UpstreamFailure);
        Assert.StartsWith("The month 2025-05-01..2025-05-31 was not archived: it could not be written to the archive (", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_concurrent_asks_for_one_month_make_one_read()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        // Slow pages, so that the second ask arrives while the first read is still going.
        sim.Faults.Add(new FaultRule(FaultKind.Latency, Delay: TimeSpan.FromMilliseconds(150)));
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);
        sim.Requests.Clear();

        var first = archive.Synchroniser.EnsureMonthsAsync([May], progress: null, TestContext.Current.CancellationToken);
        var second = archive.Synchroniser.EnsureMonthsAsync([May.AddDays(14)], progress: null, TestContext.Current.CancellationToken);
        var outcomes = await Task.WhenAll(first, second);

        var records = sim.Dataset.MeetingsBetween(May, new DateOnly(2025, 5, 31)).Count;
        Assert.Equal((records + 49) / 50, ArchiveHarness.DetailRequestsFor(sim, May));
        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.True(outcomes[0][0].Succeeded, outcomes[0][0].Failure);
    }

    [Fact]
    public async Task Asking_for_months_that_have_a_copy_reads_only_the_missing_ones_and_reports_progress()
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync(), SmallPages);
        var april = new DateOnly(2025, 4, 1);
        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);
        sim.Requests.Clear();
        var reports = new List<UMeetingReports.Core.Upstream.GatherProgress>();

        var outcomes = await archive.Synchroniser.EnsureMonthsAsync([May, april], new SynchronousProgress(reports), TestContext.Current.CancellationToken);

        Assert.Equal([May, april], outcomes.Select(outcome => outcome.Month));
        Assert.All(outcomes, outcome => Assert.True(outcome.HasCopy));
        Assert.Equal(0, ArchiveHarness.DetailRequestsFor(sim, May));
        Assert.True(ArchiveHarness.DetailRequestsFor(sim, april) > 0);
        Assert.Equal(2, reports[^1].WindowsDone);
        Assert.Equal(2, reports[^1].WindowsTotal);
        Assert.Equal(reports[^1].PagesTotal, reports[^1].PagesDone);
    }

    /// <summary>Keeps every report on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    /// <summary>May read once, and the clock an hour on: the copy a later read of May must keep or replace.</summary>
    private static async Task<(IReadOnlyList<string> Lines, DateTime? Completed)> CopyOfMayAnHourAgoAsync(ArchiveHarness archive)
    {
        await archive.Synchroniser.ReadMonthAsync(May, progress: null, TestContext.Current.CancellationToken);
        var copy = (await archive.LinesAsync(May), (await archive.WindowAsync(May))!.CompletedAt);
        archive.Clock.Advance(TimeSpan.FromHours(1));
        return copy;
    }

    /// <summary>May's window is marked failed, and its copy is the one held before, with its completion time.</summary>
    private static async Task<MonthWindow> AssertFailedWithTheCopyKeptAsync(ArchiveHarness archive, (IReadOnlyList<string> Lines, DateTime? Completed) before)
    {
        Assert.Equal(before.Lines, await archive.LinesAsync(May));
        var window = await archive.WindowAsync(May);
        Assert.NotNull(window);
        Assert.Equal((MonthWindowState.Failed, before.Completed, before.Lines.Count), (window.State, window.CompletedAt, window.Records));
        return window;
    }

    private sealed class SynchronousProgress(List<UMeetingReports.Core.Upstream.GatherProgress> reports) : IProgress<UMeetingReports.Core.Upstream.GatherProgress>
    {
        public void Report(UMeetingReports.Core.Upstream.GatherProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}

public sealed class MonthWindowSyncOnSqliteTests(SqliteArchiveServer server) : MonthWindowSyncTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class MonthWindowSyncOnPostgreSqlTests(PostgreSqlArchiveServer server) : MonthWindowSyncTests(server), IClassFixture<PostgreSqlArchiveServer>;
