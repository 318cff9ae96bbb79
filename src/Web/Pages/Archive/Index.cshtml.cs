using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Archive;

/// <summary>
/// /archive (Admins): every month window with its state, records, completion, cost and last error, the settings in
/// force and the upstream requests made since the app started; "Read this month again" starts a read and comes back
/// here (POST-redirect-GET). A database that cannot be read answers 503 through the error page.
/// </summary>
[Authorize(Roles = Roles.Admin)]
internal sealed partial class IndexModel(
    IArchiveOverview overview, IArchiveSynchroniser synchroniser, UpstreamZone zone, IStringLocalizer<SharedResource> text, ILogger<IndexModel> logger) : PageModel
{
    public const string MonthField = "month";

    public const string ReadField = "read";

    public ArchiveOverview Overview { get; private set; } = null!;

    /// <summary>How long after a month's read began the page still reports how it ended.</summary>
    private static readonly TimeSpan RecentRead = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The month a "Read this month again" started (the redirect names it), to say above the table where its read
    /// stands: under way, or ended in the last minutes (done or failed). Null for a month whose last read is older, as
    /// in an address typed or kept: nothing is said to be read that is not.
    /// </summary>
    public ArchiveWindowRow? ReadNews { get; private set; }

    /// <param name="read">"yyyy-MM" of the month whose read the last POST started; anything else is ignored.</param>
    public async Task OnGetAsync([FromQuery(Name = ReadField)] string? read, CancellationToken cancellationToken)
    {
        Overview = await overview.GetAsync(cancellationToken);
        ReadNews = ParseMonth(read) is { } month && Overview.Windows.FirstOrDefault(window => window.Month == month) is { } row
            && (row.State is ArchiveWindowState.Syncing or ArchiveWindowState.Pending || row.LastReadAt is { } last && zone.Now - last < RecentRead)
            ? row
            : null;
    }

    /// <param name="month">"yyyy-MM", from 2000-01 up to the current month.</param>
    public async Task<IActionResult> OnPostAsync([FromForm(Name = MonthField)] string? month, CancellationToken cancellationToken)
    {
        if (ParseMonth(month) is not { } first || first.Year < 2000 || first > zone.Today)
        {
            // Only a crafted request gets here (the buttons send their row's month): the page says what was wrong.
            ModelState.AddModelError(MonthField, text["“{0}” is not a month that can be read: give one as year-month (2026-11), from 2000-01 up to this month.", month ?? string.Empty]);
            Overview = await overview.GetAsync(cancellationToken);
            return this.WithStatus(StatusCodes.Status400BadRequest);
        }

        // The read runs on the synchroniser's lifetime, not this request's: the admin comes back to watch it.
        _ = ObserveAsync(synchroniser.ReadMonthAsync(first, progress: null, CancellationToken.None), first);
        return RedirectToPage(new { read = first.ToString("yyyy-MM", CultureInfo.InvariantCulture) });
    }

    private static DateOnly? ParseMonth(string? month) =>
        month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null;

    private async Task ObserveAsync(Task<MonthSyncOutcome> read, DateOnly month)
    {
        try
        {
            await read.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A failed read is recorded on its window; this is for the database failing too, so it reaches the log.
            LogReadFailed(logger, exception, month);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the month {Month} again, as an admin asked, failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, DateOnly month);
}
