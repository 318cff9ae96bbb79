using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>Report pages composed from month windows, checked record for record against the simulator's ground truth.</summary>
public sealed class PagingAcrossWindowsTests(SharedSimulator fixture) : IClassFixture<SharedSimulator>
{
    private static readonly DatePeriod ThreeMonths = new(new(2025, 1, 15), new(2025, 3, 10));

    private RunningSimulator Sim => fixture.Simulator;

    [Theory]
    [InlineData(10, 1)]
    [InlineData(30, 7)]
    [InlineData(300, 2)]
    [InlineData(50, 3)]
    public async Task Serves_any_page_of_a_three_month_period_exactly_as_the_ground_truth_has_it(int pageSize, int pageNumber)
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress);
        var truth = Sim.Dataset.MeetingsBetween(ThreeMonths.From, ThreeMonths.To);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(ThreeMonths), pageSize, pageNumber, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal(GroundTruth.Lines(truth.Skip((pageNumber - 1) * pageSize).Take(pageSize)), GroundTruth.Lines(result.Value.Meetings));
        Assert.Equal(truth.Count, result.Value.TotalRecord);
        Assert.Equal((truth.Count + pageSize - 1) / pageSize, result.Value.TotalPage);
        Assert.Equal(pageNumber > 1, result.Value.HasPreviousPage);
        Assert.True(result.Value.HasNextPage);
    }

    [Fact]
    public async Task Composes_the_page_that_straddles_two_windows_from_both_with_one_extra_upstream_call()
    {
        const int pageSize = 30;
        await using var core = CoreHarness.Create(Sim.BaseAddress);
        var january = Sim.Dataset.MeetingsBetween(new(2025, 1, 15), new(2025, 1, 31)).Count;
        Assert.NotEqual(0, january % pageSize); // the premise: January's last page is partial
        var straddling = january / pageSize + 1;
        var truth = Sim.Dataset.MeetingsBetween(ThreeMonths.From, ThreeMonths.To);
        Sim.Requests.Clear();

        var result = await core.Reader.GetPageAsync(new MeetingQuery(ThreeMonths), pageSize, straddling, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal(GroundTruth.Lines(truth.Skip((straddling - 1) * pageSize).Take(pageSize)), GroundTruth.Lines(result.Value.Meetings));
        Assert.Contains(result.Value.Meetings, meeting => meeting.Start.Month == 1);
        Assert.Contains(result.Value.Meetings, meeting => meeting.Start.Month == 2);
        // Three page-1 probes, then January's page `straddling`; February's part is its page 1, already probed.
        var asked = Sim.Requests.Snapshot().Select(request => (request.From, request.PageNumber)).Order().ToList();
        Assert.Equal(
            [
                (new DateOnly(2025, 1, 15), 1),
                (new DateOnly(2025, 1, 15), straddling),
                (new DateOnly(2025, 2, 1), 1),
                (new DateOnly(2025, 3, 1), 1),
            ],
            asked);
        Assert.All(Sim.Requests.Snapshot(), request => Assert.Equal(pageSize, request.PageSize));
    }

    [Fact]
    public async Task Serves_the_last_page_partly_filled_and_an_empty_page_past_it_with_the_true_totals()
    {
        const int pageSize = 100;
        await using var core = CoreHarness.Create(Sim.BaseAddress);
        var truth = Sim.Dataset.MeetingsBetween(ThreeMonths.From, ThreeMonths.To);
        var lastPage = (truth.Count + pageSize - 1) / pageSize;

        var last = await core.Reader.GetPageAsync(new MeetingQuery(ThreeMonths), pageSize, lastPage, TestContext.Current.CancellationToken);
        var past = await core.Reader.GetPageAsync(new MeetingQuery(ThreeMonths), pageSize, lastPage + 1, TestContext.Current.CancellationToken);

        Assert.Equal(GroundTruth.Lines(truth.Skip((lastPage - 1) * pageSize)), GroundTruth.Lines(last.Value!.Meetings));
        Assert.False(last.Value.HasNextPage);
        Assert.Equal(truth.Count, last.Value.LastRecord);
        Assert.Empty(past.Value!.Meetings);
        Assert.Equal((truth.Count, lastPage), (past.Value.TotalRecord, past.Value.TotalPage));
    }

    [Fact]
    public async Task Asks_only_the_rooms_records_when_a_host_is_chosen_and_shows_every_field_the_toggles_ask_for()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress);
        var host = Sim.Dataset.Rooms[2].HostId;
        var query = new MeetingQuery(ThreeMonths, HostId: host, ShowParticipants: true, ShowTelephonyUsage: true);
        var truth = Sim.Dataset.MeetingsBetween(ThreeMonths.From, ThreeMonths.To, host);

        var result = await core.Reader.GetPageAsync(query, 300, 1, TestContext.Current.CancellationToken);

        Assert.Equal(GroundTruth.Lines(truth.Take(300), participants: true, telephony: true), GroundTruth.Lines(result.Value!.Meetings));
        Assert.Equal(truth.Count, result.Value.TotalRecord);
        Assert.Contains(result.Value.Meetings, meeting => meeting.Telephony.Count > 0);
    }

    [Fact]
    public async Task Finds_one_record_by_its_id_even_with_plus_slash_and_equals_in_it()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress);
        var wanted = Sim.Dataset.MeetingsBetween(ThreeMonths.From, ThreeMonths.To).First(meeting => meeting.Uuid.IndexOfAny(['+', '/']) >= 0);
        var day = DateOnly.FromDateTime(wanted.Start);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(new DatePeriod(day, day), Uuid: wanted.Uuid, ShowParticipants: true), 10, 1, TestContext.Current.CancellationToken);

        Assert.Equal(GroundTruth.Lines([wanted], participants: true), GroundTruth.Lines(result.Value!.Meetings));
        Assert.Equal(1, result.Value.TotalRecord);
    }

    [Fact]
    public async Task Enumerates_a_whole_period_in_time_order_at_the_largest_page_size_with_progress_to_the_end()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress);
        var truth = Sim.Dataset.MeetingsBetween(ThreeMonths.From, ThreeMonths.To);
        var windows = ThreeMonths.SplitIntoMonthWindows();
        var expectedRequests = windows.Sum(window => Math.Max(1, (Sim.Dataset.MeetingsBetween(window.From, window.To).Count + 299) / 300));
        var reports = new List<GatherProgress>();
        Sim.Requests.Clear();

        var result = await core.Reader.GetAllAsync(new MeetingQuery(ThreeMonths), new SynchronousProgress(reports), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal(GroundTruth.Lines(truth), GroundTruth.Lines(result.Value));
        Assert.Equal(expectedRequests, Sim.Requests.Count);
        Assert.All(Sim.Requests.Snapshot(), request => Assert.Equal(300, request.PageSize));
        Assert.Equal(new GatherProgress(3, 3, expectedRequests, expectedRequests, truth.Count), reports[^1]);
    }

    [Fact]
    public async Task Stops_asking_the_upstream_when_the_consumer_stops_reading()
    {
        await using var core = CoreHarness.Create(Sim.BaseAddress, new Dictionary<string, string?> { ["UMeeting:MaxConcurrency"] = "1" });
        var longPeriod = new DatePeriod(new(2024, 7, 1), new(2025, 6, 15));
        var allPages = longPeriod.SplitIntoMonthWindows().Sum(window => Math.Max(1, (Sim.Dataset.MeetingsBetween(window.From, window.To).Count + 299) / 300));
        Sim.Requests.Clear();

        await foreach (var _ in core.Reader.EnumerateAsync(new MeetingQuery(longPeriod), null, TestContext.Current.CancellationToken))
        {
            break;
        }

        var whenStopped = Sim.Requests.Count;
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        // How many calls were already under way when the stop was seen depends on the machine's load; what must
        // hold is that the enumeration ends there: nothing is asked afterwards, and far from every page was asked.
        Assert.True(allPages > 24, $"the premise: the period has {allPages} pages");
        Assert.Equal(whenStopped, Sim.Requests.Count);
        Assert.InRange(whenStopped, 1, allPages / 2);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this records reports in the order they are made.</summary>
    private sealed class SynchronousProgress(List<GatherProgress> reports) : IProgress<GatherProgress>
    {
        public void Report(GatherProgress value) => reports.Add(value);
    }
}
