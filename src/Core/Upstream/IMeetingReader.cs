namespace UMeetingReports.Core.Upstream;

/// <summary>
/// The one way into the upstream's meeting records. Periods longer than a calendar month are split into
/// month windows; every answer's echoed period is checked, so a cut-short answer is a failure, never data.
/// </summary>
public interface IMeetingReader
{
    /// <summary>
    /// Page <paramref name="pageNumber"/> (1-based) of size <paramref name="pageSize"/> across every window of the
    /// period. Learns each window's total with bounded parallel page-1 calls, then fetches only the upstream
    /// pages that cover the slice. A page number past the last page gives an empty page with the true totals.
    /// </summary>
    Task<UpstreamResult<MeetingPage>> GetPageAsync(MeetingQuery query, int pageSize, int pageNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Every meeting of the period, windows in time order and the upstream's order inside each, fetched at the
    /// upstream's largest page size with bounded concurrency, a few month windows ahead of the consumer at most.
    /// Throws <see cref="UpstreamException"/> at the first failure (naming the window) so that a consumer never
    /// mistakes a partial sequence for the whole.
    /// </summary>
    IAsyncEnumerable<Meeting> EnumerateAsync(MeetingQuery query, IProgress<GatherProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Every meeting of the period as one list, or the failure that kept it from being complete.</summary>
    Task<UpstreamResult<IReadOnlyList<Meeting>>> GetAllAsync(MeetingQuery query, IProgress<GatherProgress>? progress, CancellationToken cancellationToken);
}
