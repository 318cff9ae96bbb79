using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Pages.Meetings;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Meeting;

/// <summary>
/// /meeting?uuid=…: one record with its people, peak, timeline and phone legs. 400 for a bad id or period, 404 when
/// the record is in none of the periods searched, 502 when the upstream gave no complete answer. Phone numbers are
/// whole for Admin only; for anyone else the service masks them before the page sees them.
/// </summary>
internal sealed class IndexModel(IMeetingDetailService details, IRoomDirectory roomDirectory, UpstreamZone zone, IOptions<UMeetingOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingFilter Filter { get; set; } = new();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The list to go back to; null when the meeting was not opened from one.</summary>
    public MeetingsCriteria? BackTo { get; private set; }

    public MeetingDetailResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        var check = Filter.Check(zone.Today, options.Value, rooms);
        (Errors, BackTo) = (check.Errors, check.BackTo);
        if (check.Uuid is null)
        {
            return WithStatus(StatusCodes.Status400BadRequest);
        }

        Result = await details.GetAsync(check.Uuid, check.Period, revealPhoneNumbers: User.IsInRole(Roles.Admin), cancellationToken);
        return Result switch
        {
            MeetingDetailFound => Page(),
            MeetingDetailNotFound => WithStatus(StatusCodes.Status404NotFound),
            _ => WithStatus(StatusCodes.Status502BadGateway),
        };
    }

    private PageResult WithStatus(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }
}
