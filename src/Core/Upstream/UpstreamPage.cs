using System.ComponentModel;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// One upstream page of one month window, already checked (status 200, echo matches) and parsed. Marked
/// immutable so that HybridCache hands out the cached instance instead of a deserialized copy.
/// </summary>
[ImmutableObject(true)]
internal sealed record UpstreamPage(DatePeriod Window, int PageNumber, int PageSize, int TotalRecord, IReadOnlyList<Meeting> Meetings)
{
    /// <summary>Pages of this size the window holds; a window without meetings still answers one (empty) page.</summary>
    public int PageCount => Math.Max(1, (int)(((long)TotalRecord + PageSize - 1) / PageSize));
}
