using Microsoft.AspNetCore.Mvc;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Formatting;
using UMeetingReports.Web.Pages.Meetings;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// The query string of /meeting: the record id, the period to look in (the list's own <c>from</c>/<c>to</c>), and
/// the rest of the list's filters under <c>back_</c> names, so the page can lead back to the same list. The back
/// link is rebuilt from these values once they pass the list's own checks, never echoed as an address.
/// </summary>
internal sealed class MeetingFilter
{
    [FromQuery(Name = MeetingFields.Uuid)]
    public string? Uuid { get; set; }

    [FromQuery(Name = MeetingFields.From)]
    public string? From { get; set; }

    [FromQuery(Name = MeetingFields.To)]
    public string? To { get; set; }

    [FromQuery(Name = MeetingFields.BackHostId)]
    public string? BackHostId { get; set; }

    [FromQuery(Name = MeetingFields.BackUuid)]
    public string? BackUuid { get; set; }

    [FromQuery(Name = MeetingFields.BackShowParticipants)]
    public string? BackShowParticipants { get; set; }

    [FromQuery(Name = MeetingFields.BackShowTelephonyUsage)]
    public string? BackShowTelephonyUsage { get; set; }

    [FromQuery(Name = MeetingFields.BackPageSize)]
    public string? BackPageSize { get; set; }

    [FromQuery(Name = MeetingFields.BackPageNumber)]
    public string? BackPageNumber { get; set; }

    /// <summary>
    /// The record id, the period (null when neither day is given: the service then searches back month by month;
    /// a missing one of the two is today, as on /meetings), the list to return to, and every problem found.
    /// </summary>
    public MeetingFilterCheck Check(DateOnly today, UMeetingOptions options, RoomList rooms)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<FieldError>();
        var uuid = RecordId(Uuid, errors);

        DatePeriod? period = null;
        if (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To))
        {
            var from = FilterValues.Day(MeetingFields.From, From, today, errors);
            var to = FilterValues.Day(MeetingFields.To, To, today, errors);
            FilterValues.CheckPeriod(MeetingFields.From, from, MeetingFields.To, to, options.MaxPeriodMonths, errors);
            if (!FilterValues.HasError(errors, MeetingFields.From) && !FilterValues.HasError(errors, MeetingFields.To))
            {
                period = new DatePeriod(from, to);
            }
        }

        return new MeetingFilterCheck(errors.Count == 0 ? uuid : null, period, BackTo(period, today, options, rooms), errors);
    }

    /// <summary>
    /// Record ids are base64 (the upstream's contract), which never holds a space: a space is a '+' that arrived
    /// unencoded, since a query string reads '+' as a space (an address typed or pasted by hand).
    /// </summary>
    private static string? RecordId(string? value, List<FieldError> errors)
    {
        var id = FilterValues.Text(MeetingFields.Uuid, value?.Replace(' ', '+'), errors);
        if (id is null && !FilterValues.HasError(errors, MeetingFields.Uuid))
        {
            errors.Add(new(MeetingFields.Uuid, "Give the record id (uuid) of a meeting: open one from the meetings list.", []));
        }

        return id;
    }

    /// <summary>
    /// The list the meeting was opened from; null when no period came with it. A back value the list would refuse
    /// is dropped (the link keeps the period) rather than refusing the meeting itself.
    /// </summary>
    private MeetingsCriteria? BackTo(DatePeriod? period, DateOnly today, UMeetingOptions options, RoomList rooms)
    {
        if (period is not { } listPeriod)
        {
            return null;
        }

        var list = new MeetingsFilter
        {
            From = Display.Invariant(listPeriod.From),
            To = Display.Invariant(listPeriod.To),
            HostId = BackHostId,
            Uuid = BackUuid,
            ShowParticipants = BackShowParticipants,
            ShowTelephonyUsage = BackShowTelephonyUsage,
            PageSize = BackPageSize,
            PageNumber = BackPageNumber,
        }.Check(today, options, rooms);
        return list.Errors.Count == 0
            ? list.Criteria
            : new MeetingsCriteria(listPeriod.From, listPeriod.To, null, null, false, false, MeetingsFilter.DefaultPageSize, 1);
    }
}

/// <summary>The query-string names of /meeting: the list's own for the period, <c>back_</c> for the rest of the list.</summary>
internal static class MeetingFields
{
    public const string Uuid = MeetingsFields.Uuid;
    public const string From = MeetingsFields.From;
    public const string To = MeetingsFields.To;
    public const string BackHostId = "back_" + MeetingsFields.HostId;
    public const string BackUuid = "back_" + MeetingsFields.Uuid;
    public const string BackShowParticipants = "back_" + MeetingsFields.ShowParticipants;
    public const string BackShowTelephonyUsage = "back_" + MeetingsFields.ShowTelephonyUsage;
    public const string BackPageSize = "back_" + MeetingsFields.PageSize;
    public const string BackPageNumber = "back_" + MeetingsFields.PageNumber;
}

/// <param name="Uuid">The record id; null when any value is wrong (see <paramref name="Errors"/>).</param>
/// <param name="BackTo">The list to return to; null when the meeting was not opened from one.</param>
internal sealed record MeetingFilterCheck(string? Uuid, DatePeriod? Period, MeetingsCriteria? BackTo, IReadOnlyList<FieldError> Errors);
