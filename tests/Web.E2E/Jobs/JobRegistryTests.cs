using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Web.Jobs;

namespace UMeetingReports.Web.E2E.Jobs;

/// <summary>
/// The registry behind background gathering and downloads, on its own: plain objects, a clock (and the sweep's timer)
/// that moves only when told, work that starts and ends when told.
/// </summary>
public sealed class JobRegistryTests : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 15, 7, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddScoped<Probe>().BuildServiceProvider();
    private readonly List<JobRegistry<TestJob>> _registries = [];
    private readonly List<TestJob> _forgotten = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_users_id_finds_nothing_and_cannot_cancel_the_job()
    {
        // Arrange
        var registry = Registry();
        var work = new Work();
        var job = Start(registry, "ana", "report", work)!;
        await work.Started.WaitAsync(Token);

        // Act
        var found = registry.Find("ana", job.Id);
        var foundByAnother = registry.Find("bo", job.Id);
        var cancelledByAnother = await registry.CancelAsync("bo", job.Id, Token);

        // Assert
        Assert.Same(job, found);
        Assert.Null(foundByAnother);
        Assert.False(cancelledByAnother);
        Assert.Equal(JobState.Running, job.State);
    }

    [Fact]
    public async Task The_same_work_started_again_while_unfinished_joins_the_running_job_and_once_it_ended_starts_anew()
    {
        // Arrange
        var registry = Registry();
        var first = new Work();
        var again = new Work();
        var later = new Work();

        // Act
        var running = Start(registry, "ana", "report", first)!;
        var joined = Start(registry, "ana", "report", again)!;
        var othersOwn = Start(registry, "bo", "report", new Work())!;
        first.Finish();
        await running.Completion;
        var anew = Start(registry, "ana", "report", later)!;
        await later.Started.WaitAsync(Token);

        // Assert
        Assert.Same(running, joined);
        Assert.False(again.Started.IsCompleted, "The joined start ran its work a second time.");
        Assert.NotSame(running, othersOwn);
        Assert.NotSame(running, anew);
        Assert.Equal(JobState.Succeeded, running.State);
        Assert.Same(running, registry.Find("ana", running.Id));
    }

    [Fact]
    public async Task A_user_with_as_many_unfinished_jobs_as_allowed_is_refused_another_until_one_ends_while_other_users_are_not()
    {
        // Arrange
        var registry = Registry(maxPerOwner: 2);
        var works = new[] { new Work(), new Work() };
        var jobs = works.Select((work, index) => Start(registry, "ana", $"report-{index}", work)).ToList();

        // Act
        var refused = Start(registry, "ana", "report-2", new Work());
        var anothers = Start(registry, "bo", "report-2", new Work());
        works[0].Finish();
        await jobs[0]!.Completion;
        var afterOneEnded = Start(registry, "ana", "report-2", new Work());

        // Assert
        Assert.All(jobs, Assert.NotNull);
        Assert.Null(refused);
        Assert.NotNull(anothers);
        Assert.NotNull(afterOneEnded);
    }

    [Fact]
    public async Task At_most_two_jobs_run_at_once_and_the_third_waits_until_one_of_them_ends()
    {
        // Arrange
        var registry = Registry(maxRunning: 2);
        var works = new[] { new Work(), new Work(), new Work() };

        // Act: one after the other, so that the third is the one left waiting.
        List<TestJob> jobs = [];
        foreach (var work in works)
        {
            jobs.Add(Start(registry, "ana", $"report-{jobs.Count}", work)!);
            if (jobs.Count < 3)
            {
                await work.Started.WaitAsync(Token);
            }
        }

        var thirdWhileTwoRun = (jobs[2].State, works[2].Started.IsCompleted);
        works[1].Finish();
        await works[2].Started.WaitAsync(Token);

        // Assert
        Assert.Equal((JobState.Waiting, false), thirdWhileTwoRun);
        Assert.Equal(JobState.Running, jobs[2].State);
        Assert.Equal(JobState.Running, jobs[0].State);
    }

    [Fact]
    public async Task Cancelling_stops_a_running_job_and_a_waiting_one_whose_work_then_never_runs()
    {
        // Arrange
        var registry = Registry(maxRunning: 1);
        var runningWork = new Work();
        var waitingWork = new Work();
        var running = Start(registry, "ana", "running", runningWork)!;
        await runningWork.Started.WaitAsync(Token);
        var waiting = Start(registry, "ana", "waiting", waitingWork)!;

        // Act
        var cancelledWaiting = await registry.CancelAsync("ana", waiting.Id, Token);
        var cancelledRunning = await registry.CancelAsync("ana", running.Id, Token);

        // Assert
        Assert.True(cancelledWaiting && cancelledRunning);
        Assert.Equal((JobState.Cancelled, JobState.Cancelled), (waiting.State, running.State));
        Assert.True(runningWork.Stopping.IsCancellationRequested);
        Assert.False(waitingWork.Started.IsCompleted, "The cancelled waiting job ran its work.");
        Assert.Same(running, registry.Find("ana", running.Id));
    }

    [Fact]
    public async Task An_ended_job_is_kept_for_its_lifetime_and_then_forgotten_by_the_sweep()
    {
        // Arrange
        var registry = Registry();
        var work = new Work();
        var job = Start(registry, "ana", "report", work)!;
        work.Finish();
        await job.Completion;

        // Act
        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        var keptBefore = registry.Find("ana", job.Id);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var afterLifetime = registry.Find("ana", job.Id);

        // Assert
        Assert.Same(job, keptBefore);
        Assert.Null(afterLifetime);
        Assert.Equal([job], _forgotten);
    }

    [Fact]
    public async Task A_job_nobody_looked_at_for_a_while_is_cancelled_and_forgotten_while_a_watched_one_goes_on()
    {
        // Arrange
        var registry = Registry(abandonAfter: TimeSpan.FromSeconds(30));
        var leftWork = new Work();
        var watchedWork = new Work();
        var left = Start(registry, "ana", "left", leftWork)!;
        var watched = Start(registry, "ana", "watched", watchedWork)!;
        await Task.WhenAll(leftWork.Started, watchedWork.Started).WaitAsync(Token);

        // Act: the page of one is still open and polls; the other was closed.
        _clock.Advance(TimeSpan.FromSeconds(20));
        registry.Find("ana", watched.Id);
        _clock.Advance(TimeSpan.FromSeconds(15));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left.Completion);

        // Assert
        Assert.Equal(JobState.Cancelled, left.State);
        Assert.Null(registry.Find("ana", left.Id));
        Assert.Equal([left], _forgotten);
        Assert.Equal(JobState.Running, watched.State);
        Assert.False(watchedWork.Stopping.IsCancellationRequested);
    }

    [Fact]
    public async Task The_work_runs_with_a_service_of_a_scope_of_its_own_that_ends_with_it_and_reports_its_progress_to_its_job()
    {
        // Arrange
        var registry = Registry();
        var works = new[] { new Work(), new Work() };
        var jobs = works.Select((work, index) => Start(registry, "ana", $"report-{index}", work)!).ToList();
        await Task.WhenAll(works.Select(work => work.Started)).WaitAsync(Token);

        // Act
        works[0].Report(7);
        var whileRunning = (jobs[0].Pages, works[0].Service!.Disposed);
        works[0].Finish();
        await jobs[0].Completion;

        // Assert
        Assert.Equal((7, false), whileRunning);
        Assert.NotSame(works[0].Service, works[1].Service);
        Assert.True(works[0].Service!.Disposed, "The job's scope outlived the job.");
        Assert.False(works[1].Service!.Disposed);
    }

    [Fact]
    public async Task Shutting_down_cancels_every_job_still_running()
    {
        // Arrange
        var registry = Registry();
        var work = new Work();
        var job = Start(registry, "ana", "report", work)!;
        await work.Started.WaitAsync(Token);

        // Act
        registry.Dispose();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);
        Assert.Equal(JobState.Cancelled, job.State);
    }

    public void Dispose()
    {
        foreach (var registry in _registries)
        {
            registry.Dispose();
        }

        _services.Dispose();
    }

    private JobRegistry<TestJob> Registry(int maxRunning = 4, int? maxPerOwner = null, TimeSpan? abandonAfter = null)
    {
        var policy = new JobPolicy("Test", maxRunning, Lifetime) { MaxPerOwner = maxPerOwner, AbandonAfter = abandonAfter };
        var registry = new JobRegistry<TestJob>(policy, _services.GetRequiredService<IServiceScopeFactory>(), _clock, NullLogger.Instance, _forgotten.Add);
        _registries.Add(registry);
        return registry;
    }

    private TestJob? Start(JobRegistry<TestJob> registry, string owner, string key, Work work) =>
        registry.Start<Probe, bool>(owner, key, () => new TestJob(owner, key, _clock.GetUtcNow()), work.RunAsync, succeeded => succeeded);

    /// <summary>A job whose progress is a number of pages.</summary>
    private sealed class TestJob(string owner, string key, DateTimeOffset now) : Job(owner, key, now), IProgress<int>
    {
        private int _pages;

        public int Pages => Volatile.Read(ref _pages);

        public void Report(int value) => Volatile.Write(ref _pages, value);
    }

    /// <summary>A scoped service: which instance a job was given, and whether its scope has ended.</summary>
    private sealed class Probe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    /// <summary>Work a test ends when it wants: says when it started, with which service, and sees its cancellation.</summary>
    private sealed class Work
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private IProgress<int>? _progress;

        public Task Started => _started.Task;

        public Probe? Service { get; private set; }

        public CancellationToken Stopping { get; private set; }

        public Task<bool> RunAsync(Probe service, TestJob job, CancellationToken cancellationToken)
        {
            (Service, _progress, Stopping) = (service, job, cancellationToken);
            _started.SetResult();
            return _result.Task.WaitAsync(cancellationToken);
        }

        public void Report(int pages) => _progress!.Report(pages);

        public void Finish() => _result.SetResult(true);
    }
}
