using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.Pages.Meeting;

/// <summary>
/// /meeting?uuid=…: one record with its people, peak, timeline and phone legs. 400 for a bad id or period, 404 when
/// the record is in none of the periods searched, 502 when the upstream gave no complete answer. Phone numbers are
/// whole for Admin only; for anyone else the service masks them before the page sees them.
/// </summary>
internal sealed class IndexModel(IMeetingDetailService details) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingFilter Filter { get; set; } = new();

    public MeetingDetailResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Filter.Uuid is not { } uuid)
        {
            return this.WithStatus(StatusCodes.Status400BadRequest);
        }

        Result = await details.GetAsync(uuid, Filter.Period, revealPhoneNumbers: User.IsInRole(Roles.Admin), cancellationToken);
        return Result switch
        {
            MeetingDetailFound => Page(),
            MeetingDetailNotFound => this.WithStatus(StatusCodes.Status404NotFound),
            _ => this.WithStatus(StatusCodes.Status502BadGateway),
        };
    }
}
