using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Reads meetings across the month windows of a period. A report page is composed from the windows' pages
/// in time order; the enumeration walks every page of every window.
/// </summary>
internal sealed partial class MeetingReader(
    UpstreamPageSource pages,
    IOptions<UMeetingOptions> options,
    ILogger<MeetingReader> logger) : IMeetingReader
{
    private const int MinimumPageSize = 10;

    public async Task<UpstreamResult<MeetingPage>> GetPageAsync(MeetingQuery query, int pageSize, int pageNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, MinimumPageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, options.Value.MaxPageSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);

        var started = Stopwatch.GetTimestamp();
        var result = string.IsNullOrEmpty(query.Uuid)
            ? await ComposePageAsync(query, pageSize, pageNumber, cancellationToken).ConfigureAwait(false)
            : await RecordPageAsync(query, pageSize, pageNumber, cancellationToken).ConfigureAwait(false);

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.Succeeded)
        {
            LogPageComposed(logger, query.Period, pageNumber, pageSize, result.Value.TotalRecord, elapsed);
        }

        return result;
    }

    public async IAsyncEnumerable<Meeting> EnumerateAsync(
        MeetingQuery query,
        IProgress<GatherProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var windows = query.Period.SplitIntoMonthWindows();
        var pageSize = options.Value.MaxPageSize;
        var filter = RecordFilter(query);

        // Windows are started at most ReadAhead ahead of the one being read: enough to keep every upstream slot busy,
        // and the pages waiting for a slow consumer stay a few months' worth whatever the period's length.
        var readAhead = ReadAhead(options.Value);

        // Stops the fetches still queued or in flight when the consumer leaves early or a window fails.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var gathers = new List<Task<WindowGather>>(windows.Count);
        var pageCounts = new int?[windows.Count];
        var (windowsDone, pagesDone, meetings) = (0, 0, 0);

        try
        {
            for (var index = 0; index < windows.Count; index++)
            {
                while (gathers.Count < Math.Min(windows.Count, index + readAhead))
                {
                    gathers.Add(GatherWindowAsync(query, windows[gathers.Count], pageSize, stop.Token));
                }

                var gather = await gathers[index].ConfigureAwait(false);
                pageCounts[index] = gather.PageCount;
                foreach (var pageTask in gather.Pages)
                {
                    var page = await pageTask.ConfigureAwait(false);
                    if (!page.Succeeded)
                    {
                        LogGatherFailed(logger, query.Period, page.Failure.Window, page.Failure.Describe());
                        throw new UpstreamException(page.Failure);
                    }

                    foreach (var meeting in page.Value.Meetings.Where(filter))
                    {
                        meetings++;
                        yield return meeting;
                    }

                    pagesDone++;
                    progress?.Report(new GatherProgress(windowsDone, windows.Count, pagesDone, PagesKnown(pageCounts), meetings));
                }

                windowsDone++;
                progress?.Report(new GatherProgress(windowsDone, windows.Count, pagesDone, PagesKnown(pageCounts), meetings));
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(gathers.Select(DrainAsync)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task<UpstreamResult<IReadOnlyList<Meeting>>> GetAllAsync(MeetingQuery query, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        var meetings = new List<Meeting>();
        try
        {
            await foreach (var meeting in EnumerateAsync(query, progress, cancellationToken).ConfigureAwait(false))
            {
                meetings.Add(meeting);
            }
        }
        catch (UpstreamException exception)
        {
            return UpstreamResult<IReadOnlyList<Meeting>>.Failed(exception.Failure);
        }

        return UpstreamResult<IReadOnlyList<Meeting>>.Success(meetings);
    }

    /// <summary>
    /// Learns every window's total from its page 1 (fetched at the page size asked, so the probe is usually
    /// one of the pages the slice needs), then fetches only the upstream pages that hold the slice.
    /// </summary>
    private async Task<UpstreamResult<MeetingPage>> ComposePageAsync(MeetingQuery query, int pageSize, int pageNumber, CancellationToken cancellationToken)
    {
        var windows = query.Period.SplitIntoMonthWindows();
        var probes = await FetchAsync(query, [.. windows.Select(window => (window, 1))], pageSize, cancellationToken).ConfigureAwait(false);
        if (FirstFailure(probes) is { } probeFailure)
        {
            return UpstreamResult<MeetingPage>.Failed(probeFailure);
        }

        var firstPages = probes.Select(probe => probe.Value!).ToArray();
        var plan = PagePlan.For([.. firstPages.Select(page => page.TotalRecord)], pageSize, pageNumber);

        var missing = plan.Where(part => part.UpstreamPage > 1).Select(part => (windows[part.Window], part.UpstreamPage)).ToArray();
        var fetched = await FetchAsync(query, missing, pageSize, cancellationToken).ConfigureAwait(false);
        if (FirstFailure(fetched) is { } fetchFailure)
        {
            return UpstreamResult<MeetingPage>.Failed(fetchFailure);
        }

        var byKey = fetched.Select(result => result.Value!).ToDictionary(page => (page.Window, page.PageNumber));
        var meetings = new List<Meeting>(pageSize);
        foreach (var part in plan)
        {
            var page = part.UpstreamPage == 1 ? firstPages[part.Window] : byKey[(windows[part.Window], part.UpstreamPage)];
            meetings.AddRange(page.Meetings.Skip(part.Skip).Take(part.Take));
        }

        return UpstreamResult<MeetingPage>.Success(
            new MeetingPage(query, pageNumber, pageSize, firstPages.Sum(page => page.TotalRecord), meetings));
    }

    /// <summary>
    /// A record id may be ignored by the upstream (later versions of its document drop it), so the whole period
    /// is read with the id passed along and filtered here; where the upstream honours it, that is one small page per window.
    /// </summary>
    private async Task<UpstreamResult<MeetingPage>> RecordPageAsync(MeetingQuery query, int pageSize, int pageNumber, CancellationToken cancellationToken)
    {
        var all = await GetAllAsync(query, progress: null, cancellationToken).ConfigureAwait(false);
        if (!all.Succeeded)
        {
            return UpstreamResult<MeetingPage>.Failed(all.Failure);
        }

        var slice = all.Value.Skip((int)Math.Min(int.MaxValue, (long)(pageNumber - 1) * pageSize)).Take(pageSize).ToList();
        return UpstreamResult<MeetingPage>.Success(new MeetingPage(query, pageNumber, pageSize, all.Value.Count, slice));
    }

    /// <summary>How many month windows an enumeration reads ahead of its consumer: twice the upstream slots, at least two.</summary>
    internal static int ReadAhead(UMeetingOptions settings) => Math.Max(2, 2 * settings.MaxConcurrency);

    private async Task<WindowGather> GatherWindowAsync(MeetingQuery query, DatePeriod window, int pageSize, CancellationToken cancellationToken)
    {
        var first = await pages.GetAsync(query, window, pageSize, 1, cancellationToken).ConfigureAwait(false);
        if (!first.Succeeded)
        {
            return new WindowGather(1, [Task.FromResult(first)]);
        }

        var rest = Enumerable.Range(2, first.Value.PageCount - 1)
            .Select(pageNumber => pages.GetAsync(query, window, pageSize, pageNumber, cancellationToken));
        return new WindowGather(first.Value.PageCount, [Task.FromResult(first), .. rest]);
    }

    private static async Task DrainAsync(Task<WindowGather> gather)
    {
        await ((Task)gather).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (gather.IsCompletedSuccessfully)
        {
            await ((Task)Task.WhenAll(gather.Result.Pages)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<UpstreamResult<UpstreamPage>[]> FetchAsync(
        MeetingQuery query, (DatePeriod Window, int PageNumber)[] wanted, int pageSize, CancellationToken cancellationToken)
    {
        var results = new UpstreamResult<UpstreamPage>[wanted.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, wanted.Length),
            parallel,
            async (index, token) => results[index] = await pages.GetAsync(query, wanted[index].Window, pageSize, wanted[index].PageNumber, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }

    /// <summary>The earliest window's failure, so the same trouble is always reported the same way.</summary>
    private static UpstreamFailure? FirstFailure(IEnumerable<UpstreamResult<UpstreamPage>> results) =>
        results.Where(result => !result.Succeeded).Select(result => result.Failure).OrderBy(failure => failure!.Window.From).FirstOrDefault();

    private static Func<Meeting, bool> RecordFilter(MeetingQuery query) =>
        string.IsNullOrEmpty(query.Uuid)
            ? static _ => true
            : meeting => string.Equals(meeting.Uuid, query.Uuid, StringComparison.Ordinal);

    /// <summary>Pages known so far; a window not yet probed counts as the one page it has at least.</summary>
    private static int PagesKnown(int?[] pageCounts) => pageCounts.Sum(count => count ?? 1);

    private sealed record WindowGather(int PageCount, IReadOnlyList<Task<UpstreamResult<UpstreamPage>>> Pages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Composed page {PageNumber} (size {PageSize}) of {Period}: {TotalRecord} meetings in the period, {ElapsedMilliseconds} ms")]
    private static partial void LogPageComposed(ILogger logger, DatePeriod period, int pageNumber, int pageSize, int totalRecord, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gathering {Period} stopped at window {Window}: {Reason}")]
    private static partial void LogGatherFailed(ILogger logger, DatePeriod period, DatePeriod window, string reason);
}
