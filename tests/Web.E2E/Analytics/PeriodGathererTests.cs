using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.E2E.Http;
using UMeetingReports.Web.Gathering;

namespace UMeetingReports.Web.E2E.Analytics;

/// <summary>The background gatherer on its own: plain objects, a clock that moves only when told, work that ends when told.</summary>
public sealed class PeriodGathererTests : IDisposable
{
    private static readonly DatePeriod ThirteenMonths = new(new DateOnly(2024, 5, 1), new DateOnly(2025, 5, 31));

    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 6, 15, 7, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly List<PeriodGatherer> _gatherers = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Figures_ready_within_the_render_wait_are_handed_to_the_page_at_once()
    {
        // Arrange
        var gatherer = Gatherer(renderWait: TimeSpan.FromSeconds(10));

        // Act
        var gathered = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, (_, _, _) => Task.FromResult(UpstreamResult<string>.Success("figures")), Token);

        // Assert
        Assert.Equal(("figures", 200), (gathered.Value, gathered.StatusCode));
        Assert.Null(gathered.Pending);
    }

    [Fact]
    public async Task A_slow_gathering_gives_a_ticket_whose_progress_the_owner_can_follow_and_the_figures_come_from_the_same_run()
    {
        // Arrange
        var gatherer = Gatherer();
        var work = new Work();

        // Act
        var first = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, work.RunAsync, Token);
        await WaitUntilAsync(() => work.Runs == 1);
        work.Report(new GatherProgress(3, 13, 7, 9, 1200));
        var running = gatherer.Status("ana", first.Pending!.Id);
        work.Finish(UpstreamResult<string>.Success("figures"));
        await WaitUntilAsync(() => gatherer.Status("ana", first.Pending.Id)?.Done == true);
        var done = gatherer.Status("ana", first.Pending.Id);
        var second = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, work.RunAsync, Token);

        // Assert
        Assert.Equal(202, first.StatusCode);
        Assert.Equal(new GatherProgress(0, 13, 0, 0, 0), first.Pending.Progress);
        Assert.Equal(new GatherStatus(3, 13, 7, 9, 1200, Done: false, Failed: false), running);
        Assert.Equal(new GatherStatus(3, 13, 7, 9, 1200, Done: true, Failed: false), done);
        Assert.Equal("figures", second.Value);
        Assert.Equal(1, work.Runs);
    }

    [Fact]
    public async Task Nobody_can_follow_or_read_another_users_gathering()
    {
        // Arrange
        var gatherer = Gatherer();
        var anas = new Work();
        var bos = new Work();

        // Act
        var ana = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, anas.RunAsync, Token);
        var bo = await gatherer.GatherAsync(Key("bo"), ThirteenMonths, bos.RunAsync, Token);
        await WaitUntilAsync(() => anas.Runs == 1 && bos.Runs == 1);

        // Assert: same report and filter, two gatherings; each id answers its owner only.
        Assert.NotEqual(ana.Pending!.Id, bo.Pending!.Id);
        Assert.Null(gatherer.Status("bo", ana.Pending.Id));
        Assert.Null(gatherer.Status("ana", bo.Pending.Id));
        Assert.NotNull(gatherer.Status("ana", ana.Pending.Id));
        Assert.Equal((1, 1), (anas.Runs, bos.Runs));
    }

    [Fact]
    public async Task Only_two_gatherings_read_at_once_and_a_third_starts_when_one_ends()
    {
        // Arrange
        var gatherer = Gatherer(maxConcurrent: 2);
        var works = new[] { new Work(), new Work(), new Work() };

        // Act
        for (var index = 0; index < works.Length; index++)
        {
            await gatherer.GatherAsync(Key("ana", report: $"report-{index}"), ThirteenMonths, works[index].RunAsync, Token);
        }

        await WaitUntilAsync(() => works.Sum(work => work.Runs) == 2);
        await Task.Delay(300, Token);
        var runningBefore = works.Sum(work => work.Runs);
        works.First(work => work.Runs == 1).Finish(UpstreamResult<string>.Success("one"));
        await WaitUntilAsync(() => works.Sum(work => work.Runs) == 3);

        // Assert
        Assert.Equal(2, runningBefore);
        Assert.All(works, work => Assert.Equal(1, work.Runs));
    }

    [Fact]
    public async Task A_gathering_nobody_looks_at_is_cancelled_and_forgotten_while_one_that_is_polled_goes_on()
    {
        // Arrange
        var gatherer = Gatherer(abandonAfter: TimeSpan.FromSeconds(30));
        var forgotten = new Work();
        var followed = new Work();
        var left = await gatherer.GatherAsync(Key("ana", report: "left"), ThirteenMonths, forgotten.RunAsync, Token);
        var watched = await gatherer.GatherAsync(Key("ana", report: "watched"), ThirteenMonths, followed.RunAsync, Token);
        await WaitUntilAsync(() => forgotten.Runs == 1 && followed.Runs == 1);

        // Act: the page of one is still open and polls; the other was closed.
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.NotNull(gatherer.Status("ana", watched.Pending!.Id));
        _clock.Advance(TimeSpan.FromSeconds(15));
        gatherer.Sweep();

        // Assert
        await WaitUntilAsync(() => forgotten.Stopping.IsCancellationRequested);
        Assert.Null(gatherer.Status("ana", left.Pending!.Id));
        Assert.False(followed.Stopping.IsCancellationRequested);
        Assert.NotNull(gatherer.Status("ana", watched.Pending.Id));
    }

    [Fact]
    public async Task A_failure_is_shown_once_and_the_next_visit_tries_again()
    {
        // Arrange
        var gatherer = Gatherer(renderWait: TimeSpan.FromSeconds(10));
        var may = new DatePeriod(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));
        var answers = new Queue<UpstreamResult<string>>([UpstreamResult<string>.Failed(new UpstreamRejected(may, 500, "quota exceeded")), UpstreamResult<string>.Success("figures")]);

        // Act
        var failed = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, (_, _, _) => Task.FromResult(answers.Dequeue()), Token);
        var retried = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, (_, _, _) => Task.FromResult(answers.Dequeue()), Token);

        // Assert
        Assert.Equal((502, may), (failed.StatusCode, failed.Failure!.Window));
        Assert.Equal("figures", retried.Value);
        Assert.Empty(answers);
    }

    [Fact]
    public async Task Finished_figures_are_kept_for_a_while_and_then_gathered_anew()
    {
        // Arrange
        var gatherer = Gatherer(renderWait: TimeSpan.FromSeconds(10), keepResultsFor: TimeSpan.FromMinutes(2));
        var runs = 0;
        Task<UpstreamResult<string>> Count(IServiceProvider services, IProgress<GatherProgress> progress, CancellationToken token) =>
            Task.FromResult(UpstreamResult<string>.Success($"run {Interlocked.Increment(ref runs)}"));

        // Act
        var first = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, Count, Token);
        _clock.Advance(TimeSpan.FromSeconds(90));
        gatherer.Sweep();
        var kept = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, Count, Token);
        _clock.Advance(TimeSpan.FromSeconds(31));
        gatherer.Sweep();
        var renewed = await gatherer.GatherAsync(Key("ana"), ThirteenMonths, Count, Token);

        // Assert
        Assert.Equal(("run 1", "run 1", "run 2"), (first.Value, kept.Value, renewed.Value));
    }

    public void Dispose()
    {
        foreach (var gatherer in _gatherers)
        {
            gatherer.Dispose();
        }

        _services.Dispose();
    }

    private PeriodGatherer Gatherer(TimeSpan? renderWait = null, int maxConcurrent = 2, TimeSpan? abandonAfter = null, TimeSpan? keepResultsFor = null)
    {
        var options = new GatheringOptions
        {
            RenderWait = renderWait ?? TimeSpan.Zero,
            MaxConcurrent = maxConcurrent,
            AbandonAfter = abandonAfter ?? TimeSpan.FromMinutes(30),
            KeepResultsFor = keepResultsFor ?? TimeSpan.FromHours(1),
        };
        var gatherer = new PeriodGatherer(_services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), _clock, NullLogger<PeriodGatherer>.Instance);
        _gatherers.Add(gatherer);
        return gatherer;
    }

    private static GatherKey Key(string owner, string report = "report") => new(owner, report, ThirteenMonths);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(25, Token);
        }

        Assert.True(condition(), "The condition did not come true within 5 s.");
    }

    /// <summary>Work a test ends when it wants: counts its runs, reports progress, sees its cancellation.</summary>
    private sealed class Work
    {
        private readonly TaskCompletionSource<UpstreamResult<string>> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private IProgress<GatherProgress>? _progress;
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public CancellationToken Stopping { get; private set; }

        public Task<UpstreamResult<string>> RunAsync(IServiceProvider services, IProgress<GatherProgress> progress, CancellationToken cancellationToken)
        {
            (_progress, Stopping) = (progress, cancellationToken);
            Interlocked.Increment(ref _runs);
            return _result.Task.WaitAsync(cancellationToken);
        }

        public void Report(GatherProgress progress) => _progress!.Report(progress);

        public void Finish(UpstreamResult<string> result) => _result.SetResult(result);
    }
}
