using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Shared;

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
    /// <summary>
    /// The fragment a page link ends with: the list's box (<c>id="list"</c>), so that the next page opens at the list
    /// and a keyboard's next Tab goes on from there, not from the top of the page.
    /// </summary>
    public const string ToList = "#list";

    /// <summary>True when each record is a person (/participants), so the summary counts people, not records.</summary>
    public bool CountsPeople { get; init; }

    public static Pager For(MeetingPage page, Func<int, string> linkTo)
    {
        ArgumentNullException.ThrowIfNull(page);
        return For(page.FirstRecord, page.LastRecord, page.TotalRecord, page.PageNumber, page.TotalPage, linkTo);
    }

    /// <summary>
    /// Any report paged like the upstream: 1-based pages, a page past the end empty with the true totals, so there
    /// is a previous page whenever anything exists before this one.
    /// </summary>
    public static Pager For(int firstRecord, int lastRecord, int totalRecord, int pageNumber, int totalPage, Func<int, string> linkTo)
    {
        ArgumentNullException.ThrowIfNull(linkTo);
        var hasPrevious = pageNumber > 1 && totalRecord > 0;
        var hasNext = pageNumber < totalPage;
        return new Pager(
            firstRecord,
            lastRecord,
            totalRecord,
            pageNumber,
            totalPage,
            hasPrevious ? linkTo(1) : null,
            hasPrevious ? linkTo(pageNumber - 1) : null,
            hasNext ? linkTo(pageNumber + 1) : null,
            hasNext ? linkTo(totalPage) : null);
    }
}
