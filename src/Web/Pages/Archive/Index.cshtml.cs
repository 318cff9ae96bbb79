using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Account;

namespace UMeetingReports.Web.Pages.Archive;

/// <summary>
/// /archive (Admins): every month window with its state, records, completion, cost and last error, the settings in
/// force and the upstream requests made since the app started; "Read this month again" starts a read and comes back
/// here (POST-redirect-GET). A database that cannot be read answers 503 through the error page.
/// </summary>
[Authorize(Roles = Roles.Admin)]
internal sealed partial class IndexModel(IArchiveOverview overview, IArchiveSynchroniser synchroniser, UpstreamZone zone, ILogger<IndexModel> logger) : PageModel
{
    public ArchiveOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await overview.GetAsync(cancellationToken);

    /// <param name="month">"yyyy-MM", not after the current month.</param>
    public IActionResult OnPost(string? month)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year < 2000
            || first > zone.Today)
        {
            return BadRequest();
        }

        // The read runs on the synchroniser's lifetime, not this request's: the admin comes back to watch it.
        _ = ObserveAsync(synchroniser.ReadMonthAsync(first, progress: null, CancellationToken.None), first);
        return RedirectToPage();
    }

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
