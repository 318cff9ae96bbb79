using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages;

/// <summary>What _Pager shows: the record range, the page, and links (null when there is nowhere to go).</summary>
internal sealed record Pager(
    int FirstRecord,
    int LastRecord,
    int TotalRecord,
    int PageNumber,
    int TotalPage,
    string? First,
    string? Previous,
    string? Next,
    string? Last)
{
    public static Pager For(MeetingPage page, Func<int, string> linkTo)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(linkTo);
        return new Pager(
            page.FirstRecord,
            page.LastRecord,
            page.TotalRecord,
            page.PageNumber,
            page.TotalPage,
            page.HasPreviousPage ? linkTo(1) : null,
            page.HasPreviousPage ? linkTo(page.PageNumber - 1) : null,
            page.HasNextPage ? linkTo(page.PageNumber + 1) : null,
            page.HasNextPage ? linkTo(page.TotalPage) : null);
    }
}
