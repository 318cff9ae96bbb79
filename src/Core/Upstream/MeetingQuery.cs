namespace UMeetingReports.Core.Upstream;

/// <summary>What to ask the upstream for, in its own terms (host_id, uuid, show_* flags).</summary>
public sealed record MeetingQuery(
    DatePeriod Period,
    string? HostId = null,
    string? Uuid = null,
    bool ShowParticipants = false,
    bool ShowTelephonyUsage = false);

/// <summary>
/// One page of a report that may span several month windows. Paging arithmetic is across the whole period:
/// <see cref="TotalRecord"/> sums every window, and page N holds records (N-1)*size .. N*size-1 in time order.
/// </summary>
public sealed record MeetingPage(
    MeetingQuery Query,
    int PageNumber,
    int PageSize,
    int TotalRecord,
    IReadOnlyList<Meeting> Meetings)
{
    public int TotalPage => TotalRecord == 0 ? 0 : (TotalRecord + PageSize - 1) / PageSize;

    public bool HasPreviousPage => PageNumber > 1 && TotalRecord > 0;

    public bool HasNextPage => PageNumber < TotalPage;

    /// <summary>1-based position of the first record on this page, 0 when the page is empty.</summary>
    public int FirstRecord => Meetings.Count == 0 ? 0 : (PageNumber - 1) * PageSize + 1;

    public int LastRecord => Meetings.Count == 0 ? 0 : FirstRecord + Meetings.Count - 1;
}

/// <summary>How far a gathering of a whole period has got: windows and upstream pages done of those known.</summary>
public readonly record struct GatherProgress(int WindowsDone, int WindowsTotal, int PagesDone, int PagesTotal, int Meetings);
