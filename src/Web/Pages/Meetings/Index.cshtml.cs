using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Meetings;

internal sealed class IndexModel(IMeetingsReportService reports, IRoomDirectory roomDirectory, UpstreamZone zone, IOptions<UMeetingOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingsFilter Filter { get; set; } = new();

    public MeetingsCriteria Criteria { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public RoomList Rooms { get; private set; } = RoomList.Unknown;

    public MeetingsReport? Report { get; private set; }

    public UpstreamFailure? Failure { get; private set; }

    public DateOnly Today => zone.Today;

    public IEnumerable<int> PageSizes => MeetingsFilter.PageSizesUpTo(options.Value.MaxPageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await roomDirectory.GetRoomsAsync(cancellationToken);
        var check = Filter.Check(zone.Today, options.Value, Rooms);
        (Criteria, Errors) = (check.Criteria, check.Errors);
        if (check.Request is null)
        {
            return WithStatus(StatusCodes.Status400BadRequest);
        }

        var result = await reports.GetAsync(check.Request, cancellationToken);
        if (!result.Succeeded)
        {
            Failure = result.Failure;
            return WithStatus(StatusCodes.Status502BadGateway);
        }

        Errors = MeetingsFilter.CheckPage(result.Value.Page);
        Report = Errors.Count == 0 ? result.Value : null;
        return Errors.Count == 0 ? Page() : WithStatus(StatusCodes.Status400BadRequest);
    }

    private PageResult WithStatus(int statusCode)
    {
        Response.StatusCode = statusCode;
        return Page();
    }
}
