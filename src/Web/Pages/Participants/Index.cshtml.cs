using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Participants;

/// <summary>
/// /participants: one line per display name over a period. The whole period is read (through the reader's cache),
/// at most UMeeting:MaxPeriodMonths long; names that are phone numbers are whole for Admin only.
/// </summary>
internal sealed class IndexModel(
    IParticipantsReportService reports,
    IRoomDirectory roomDirectory,
    UpstreamZone zone,
    IOptions<UMeetingOptions> options,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ParticipantsFilter Filter { get; set; } = new();

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public ParticipantsReport? Report { get; private set; }

    /// <summary>The list's last page, when the page asked for lies past it (for a link to it beside the message).</summary>
    public int? LastPage { get; private set; }

    public UpstreamFailure? Failure { get; private set; }

    public DateOnly Today => zone.Today;

    public IEnumerable<int> PageSizes => FilterCheck.PageSizesUpTo(options.Value.MaxPageSize, Filter.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.WithStatus(StatusCodes.Status400BadRequest);
        }

        var result = await reports.GetAsync(Filter.ToRequest(revealPhoneNumbers: User.IsInRole(Roles.Admin), CultureInfo.CurrentUICulture), cancellationToken);
        if (!result.Succeeded)
        {
            Failure = result.Failure;
            return this.WithStatus(StatusCodes.Status502BadGateway);
        }

        if (!FilterCheck.PageExists(ModelState, text, ParticipantsFilter.PageNumberField, Filter.Page, result.Value.TotalPage, "Page {0} does not exist: nobody matches.", Request.Query[ParticipantsFilter.PageNumberField].ToString()))
        {
            LastPage = result.Value.TotalPage;
        }

        Report = ModelState.IsValid ? result.Value : null;
        return Report is null ? this.WithStatus(StatusCodes.Status400BadRequest) : Page();
    }
}
