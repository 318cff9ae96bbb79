using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Runs month-window reads for the schedule and for callers that need months now. A month being read is read once:
/// whoever asks for it meanwhile waits for that read. Reads run on the synchroniser's own lifetime, not the asker's,
/// so a caller that leaves does not break a read others wait for. At most Archive:ConcurrentWindows months are read
/// at once; a month whose pages are all in gives its place to the next while it waits for the one writer, and at most
/// twice that many months are held in memory, read or waiting to be written.
/// </summary>
internal sealed partial class ArchiveSynchroniser : IArchiveSynchroniser, IDisposable
{
    private readonly ConcurrentDictionary<DateOnly, WindowRead> _reads = new();
    private readonly CancellationTokenSource _lifetime = new();
    private int _disposed;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _held;
    private readonly MonthWindowSync _sync;
    private readonly ArchiveCoordination _coordination;
    private readonly IServiceScopeFactory _scopes;
    private readonly UpstreamZone _zone;
    private readonly IOptions<ArchiveOptions> _options;
    private readonly ILogger<ArchiveSynchroniser> _logger;

    public ArchiveSynchroniser(
        MonthWindowSync sync,
        ArchiveCoordination coordination,
        IServiceScopeFactory scopes,
        UpstreamZone zone,
        IOptions<ArchiveOptions> options,
        ILogger<ArchiveSynchroniser> logger)
    {
        _sync = sync;
        _coordination = coordination;
        _scopes = scopes;
        _zone = zone;
        _options = options;
        _logger = logger;
        _slots = new SemaphoreSlim(options.Value.ConcurrentWindows, options.Value.ConcurrentWindows);
        _held = new SemaphoreSlim(2 * options.Value.ConcurrentWindows, 2 * options.Value.ConcurrentWindows);
    }

    public async Task<IReadOnlyList<MonthSyncOutcome>> EnsureMonthsAsync(IEnumerable<DateOnly> months, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        var wanted = months.Select(ArchiveSchedule.MonthOf).Where(month => month <= _zone.Today).Distinct().OrderDescending().ToList();
        var windows = await _sync.WindowsAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new MonthSyncOutcome[wanted.Count];
        var reads = new List<(int Index, WindowRead Read)>();
        for (var index = 0; index < wanted.Count; index++)
        {
            var window = windows.GetValueOrDefault(wanted[index]);
            if (window?.CompletedAt is not null)
            {
                outcomes[index] = _sync.Outcome(wanted[index], window);
            }
            else
            {
                reads.Add((index, Start(wanted[index], onlyIfMissing: true)));
            }
        }

        using var watch = new ProgressWatch(reads.Select(read => read.Read).ToList(), wanted.Count - reads.Count, wanted.Count, progress);
        foreach (var (index, read) in reads)
        {
            outcomes[index] = await read.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        watch.Report();
        return outcomes;
    }

    public async Task<MonthSyncOutcome> ReadMonthAsync(DateOnly month, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        var read = Start(ArchiveSchedule.MonthOf(month), onlyIfMissing: false);
        using var watch = new ProgressWatch([read], 0, 1, progress);
        var outcome = await read.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        watch.Report();
        return outcome;
    }

    /// <summary>Reads every month the schedule says is due, newest first; returns how long to wait before looking again.</summary>
    public async Task<TimeSpan> RunDueAsync(CancellationToken cancellationToken)
    {
        // Another instance on the same database runs the schedule: look again later, in case it stops.
        if (!await _coordination.TryHoldScheduleAsync(cancellationToken).ConfigureAwait(false))
        {
            return _coordination.ScheduleRetry;
        }

        var options = _options.Value;
        var windows = await _sync.WindowsAsync(cancellationToken).ConfigureAwait(false);
        var due = ArchiveSchedule.Due(windows, MonthWindowSync.Stored(_zone.Now), options);
        if (due.Count > 0)
        {
            // The room names beside the months, not before them: the room list is one more upstream call, and the
            // months' first pages need not wait for it.
            //
            // The due months queue for the reads' own slots, which bound how many months are read and held at once:
            // a month waiting for the writer has given its slot to the next, where a cap on months done kept it until
            // the month was written. Each month queues once the one before has its slot: newest first, and a month a
            // report asks for meanwhile waits behind at most one month of the schedule's.
            var names = RefreshRoomNamesAsync(cancellationToken);
            var reads = new List<Task<MonthSyncOutcome>>(due.Count);
            foreach (var month in due)
            {
                var read = Start(month, onlyIfMissing: false);
                reads.Add(read.Task);
                await Task.WhenAny(read.Began, read.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            await Task.WhenAll(reads).WaitAsync(cancellationToken).ConfigureAwait(false);
            await names.ConfigureAwait(false);
            windows = await _sync.WindowsAsync(cancellationToken).ConfigureAwait(false);
        }

        return ArchiveSchedule.NextWait(windows, MonthWindowSync.Stored(_zone.Now), options);
    }

    /// <summary>The months being read at this moment (or waiting for the writer), not those waiting for a reading slot.</summary>
    public HashSet<DateOnly> MonthsBeingRead() => [.. _reads.Where(read => read.Value.Began.IsCompleted && !read.Value.Task.IsCompleted).Select(read => read.Key)];

    public void Dispose()
    {
        // The container disposes this object twice: it is registered as itself and, through a factory, as its interface.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _lifetime.Cancel();
        _lifetime.Dispose();
        _slots.Dispose();
        _held.Dispose();
    }

    /// <summary>
    /// The read of <paramref name="month"/> in flight, or a new one. <paramref name="onlyIfMissing"/>: a new read first
    /// looks again whether the month has a copy (one that ended just before this ask), and then does not read.
    /// A read that has ended is never joined, though it stays listed for a moment: its outcome is handed to its askers
    /// before it leaves the list, and on a busy machine one of them could ask again in between ("Read this month
    /// again" right after a read, and a full test run once did) and get the read that had just ended instead of a new one.
    /// </summary>
    private WindowRead Start(DateOnly month, bool onlyIfMissing)
    {
        while (true)
        {
            if (_reads.TryGetValue(month, out var running))
            {
                if (!running.Task.IsCompleted)
                {
                    return running;
                }

                _reads.TryRemove(KeyValuePair.Create(month, running));
                continue;
            }

            var read = new WindowRead();
            if (!_reads.TryAdd(month, read))
            {
                continue;
            }

            // The read belongs to no caller: it must not carry the first asker's context (or cancellation) with it.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => RunAsync(month, read, onlyIfMissing));
            }

            return read;
        }
    }

    private async Task RunAsync(DateOnly month, WindowRead read, bool onlyIfMissing)
    {
        try
        {
            // A month read waits for the one writer after its last page: it gives its reading slot back then (the
            // next month's pages need not wait for this month's write), and its place in memory once written.
            await _held.WaitAsync(_lifetime.Token).ConfigureAwait(false);
            try
            {
                await _slots.WaitAsync(_lifetime.Token).ConfigureAwait(false);
                read.Begin();
                var reading = 1;
                void ReleaseSlot()
                {
                    if (Interlocked.Exchange(ref reading, 0) == 1)
                    {
                        _slots.Release();
                    }
                }

                try
                {
                    // One instance at a time reads a month; one that waited for another's read uses the copy it made.
                    read.Completion.TrySetResult(await _coordination.WithMonthAsync(
                        month,
                        async waited =>
                        {
                            var current = onlyIfMissing || waited ? await _sync.DescribeAsync(month, _lifetime.Token).ConfigureAwait(false) : null;
                            return current is { HasCopy: true }
                                ? current
                                : await _sync.SyncAsync(month, read, ReleaseSlot, _lifetime.Token).ConfigureAwait(false);
                        },
                        _lifetime.Token).ConfigureAwait(false));
                }
                finally
                {
                    ReleaseSlot();
                }
            }
            finally
            {
                _held.Release();
            }
        }
        catch (Exception exception)
        {
            read.Completion.TrySetException(exception);
        }
        finally
        {
            _reads.TryRemove(KeyValuePair.Create(month, read));
            if (_reads.IsEmpty)
            {
                await SettleWritesAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The last read in flight is done: the database settled once for all the months just written.</summary>
    private async Task SettleWritesAsync()
    {
        try
        {
            await _sync.SettleWritesAsync(_lifetime.Token).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The app is stopping.
        }
    }

    /// <summary>Names are decoration: the directory never fails (it answers "unknown" instead), and rooms it lists are kept.</summary>
    private async Task RefreshRoomNamesAsync(CancellationToken cancellationToken)
    {
        // The room directory may be scoped (an app reads it once per request): each read of the names is a scope.
        var scope = _scopes.CreateAsyncScope();
        RoomList list;
        await using (scope.ConfigureAwait(false))
        {
            list = await scope.ServiceProvider.GetRequiredService<IRoomDirectory>().GetRoomsAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!list.IsKnown || list.Rooms.Count == 0)
        {
            return;
        }

        await _sync.NameRoomsAsync(list.Rooms, cancellationToken).ConfigureAwait(false);
        LogRoomsNamed(_logger, list.Rooms.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The archive's room names were refreshed: {Count} rooms")]
    private static partial void LogRoomsNamed(ILogger logger, int count);

    /// <summary>One month being read, and how far it has got, for whoever waits for it.</summary>
    private sealed class WindowRead : IProgress<GatherProgress>
    {
        private readonly TaskCompletionSource _began = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<MonthSyncOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<MonthSyncOutcome> Task => Completion.Task;

        public GatherProgress Latest { get; private set; }

        /// <summary>Done once the read has its slot: until then the month is queued (pending), not syncing.</summary>
        public Task Began => _began.Task;

        public void Begin() => _began.TrySetResult();

        public event Action? Changed;

        public void Report(GatherProgress value)
        {
            Latest = value;
            Changed?.Invoke();
        }
    }

    /// <summary>Sums the progress of the reads one caller waits for into months and pages done.</summary>
    private sealed class ProgressWatch : IDisposable
    {
        private readonly IReadOnlyList<WindowRead> _reads;
        private readonly int _alreadyThere;
        private readonly int _months;
        private readonly IProgress<GatherProgress>? _progress;
        private readonly Lock _gate = new();

        public ProgressWatch(IReadOnlyList<WindowRead> reads, int alreadyThere, int months, IProgress<GatherProgress>? progress)
        {
            _reads = reads;
            _alreadyThere = alreadyThere;
            _months = months;
            _progress = progress;
            if (progress is null)
            {
                return;
            }

            foreach (var read in reads)
            {
                read.Changed += Report;
                _ = read.Task.ContinueWith(_ => Report(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            Report();
        }

        public void Dispose()
        {
            foreach (var read in _reads)
            {
                read.Changed -= Report;
            }
        }

        public void Report()
        {
            if (_progress is null)
            {
                return;
            }

            lock (_gate)
            {
                var done = _alreadyThere + _reads.Count(read => read.Task.IsCompleted);
                var pagesDone = _reads.Sum(read => read.Latest.PagesDone);
                var pagesTotal = _reads.Sum(read => Math.Max(1, read.Latest.PagesTotal));
                _progress.Report(new GatherProgress(done, _months, pagesDone, pagesTotal, _reads.Sum(read => read.Latest.Meetings)));
            }
        }
    }
}
