using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Participants;

/// <summary>
/// /participants: one line per display name over a period. The whole period is read (through the reader's cache),
/// at most UMeeting:MaxPeriodMonths long; names that are phone numbers are whole for Admin only.
/// </summary>
internal sealed class IndexModel(IParticipantsReportService reports, IRoomDirectory roomDirectory, UpstreamZone zone, IOptions<UMeetingOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ParticipantsFilter Filter { get; set; } = new();

    public ParticipantsCriteria Criteria { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public ParticipantsReport? Report { get; private set; }

    public UpstreamFailure? Failure { get; private set; }

    public DateOnly Today => zone.Today;

    public IEnumerable<int> PageSizes => FilterValues.PageSizesUpTo(options.Value.MaxPageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        var check = Filter.Check(zone.Today, options.Value, Rooms);
        (Criteria, Errors) = (check.Criteria, check.Errors);
        if (Errors.Count > 0)
        {
            return WithStatus(StatusCodes.Status400BadRequest);
        }

        var result = await reports.GetAsync(Criteria.ToRequest(revealPhoneNumbers: User.IsInRole(Roles.Admin)), cancellationToken);
        if (!result.Succeeded)
        {
            Failure = result.Failure;
            return WithStatus(StatusCodes.Status502BadGateway);
        }

        Errors = FilterValues.CheckPageExists(ParticipantsFields.PageNumber, Criteria.PageNumber, result.Value.TotalPage, "Page {0} does not exist: nobody matches.");
        Report = Errors.Count == 0 ? result.Value : null;
        return Errors.Count == 0 ? Page() : WithStatus(StatusCodes.Status400BadRequest);
    }

    private PageResult WithStatus(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }
}
