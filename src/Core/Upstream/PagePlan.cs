namespace UMeetingReports.Core.Upstream;

/// <summary>
/// The paging arithmetic across windows: which upstream pages (of the same size) hold records
/// (N-1)*size .. N*size-1 of the concatenated windows, and which part of each to take.
/// </summary>
internal static class PagePlan
{
    public static IReadOnlyList<PagePart> For(IReadOnlyList<int> windowTotals, int pageSize, int pageNumber)
    {
        ArgumentNullException.ThrowIfNull(windowTotals);
        var first = (long)(pageNumber - 1) * pageSize;
        var last = first + pageSize; // exclusive
        var parts = new List<PagePart>();
        long windowStart = 0;

        for (var window = 0; window < windowTotals.Count; window++)
        {
            long windowEnd = windowStart + windowTotals[window];
            var from = Math.Max(first, windowStart) - windowStart;
            var to = Math.Min(last, windowEnd) - windowStart;
            for (var upstreamPage = (int)(from / pageSize) + 1; from < to; upstreamPage++)
            {
                var pageStart = (long)(upstreamPage - 1) * pageSize;
                var take = (int)(Math.Min(to, pageStart + pageSize) - from);
                parts.Add(new PagePart(window, upstreamPage, (int)(from - pageStart), take));
                from += take;
            }

            windowStart = windowEnd;
        }

        return parts;
    }
}

/// <param name="Window">Index of the window in time order.</param>
/// <param name="UpstreamPage">1-based page of that window at the report's page size.</param>
/// <param name="Skip">Records of that page before the slice.</param>
/// <param name="Take">Records of that page in the slice.</param>
internal readonly record struct PagePart(int Window, int UpstreamPage, int Skip, int Take);
