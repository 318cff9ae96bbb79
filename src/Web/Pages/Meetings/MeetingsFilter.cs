using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// The query string of /meetings, in the upstream's own parameter names so that a bookmark reads like the request
/// it makes. Every value binds as text and is parsed here, so a malformed number or flag is a message beside its
/// field (HTTP 400), never a binding exception.
/// </summary>
internal sealed class MeetingsFilter
{
    public const int MaxLength = 200;
    public const int DefaultPageSize = 30;
    public const int MinPageSize = 10;
    public const int MaxPageSize = 300;

    private static readonly int[] OfferedPageSizes = [10, 30, 50, 100, 300];

    /// <summary>The sizes the form offers, none above UMeeting:MaxPageSize.</summary>
    public static IEnumerable<int> PageSizesUpTo(int largest) => OfferedPageSizes.Where(size => size <= largest);

    [FromQuery(Name = MeetingsFields.From)]
    public string? From { get; set; }

    [FromQuery(Name = MeetingsFields.To)]
    public string? To { get; set; }

    [FromQuery(Name = MeetingsFields.HostId)]
    public string? HostId { get; set; }

    [FromQuery(Name = MeetingsFields.Uuid)]
    public string? Uuid { get; set; }

    [FromQuery(Name = MeetingsFields.ShowParticipants)]
    public string? ShowParticipants { get; set; }

    [FromQuery(Name = MeetingsFields.ShowTelephonyUsage)]
    public string? ShowTelephonyUsage { get; set; }

    [FromQuery(Name = MeetingsFields.PageSize)]
    public string? PageSize { get; set; }

    [FromQuery(Name = MeetingsFields.PageNumber)]
    public string? PageNumber { get; set; }

    /// <summary>
    /// The criteria (missing values defaulted: both dates to <paramref name="today"/> in the upstream's zone) and every
    /// problem found; the request only when there is none.
    /// </summary>
    public MeetingsFilterCheck Check(DateOnly today, UMeetingOptions options, RoomList rooms)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rooms);
        var errors = new List<FieldError>();

        var from = Day(MeetingsFields.From, From, today, errors);
        var to = Day(MeetingsFields.To, To, today, errors);
        var hostId = Text(MeetingsFields.HostId, HostId, errors);
        var uuid = Text(MeetingsFields.Uuid, Uuid, errors);
        var showParticipants = Flag(MeetingsFields.ShowParticipants, ShowParticipants, errors);
        var showTelephony = Flag(MeetingsFields.ShowTelephonyUsage, ShowTelephonyUsage, errors);
        var pageSize = Whole(MeetingsFields.PageSize, PageSize, errors) ?? DefaultPageSize;
        var pageNumber = Whole(MeetingsFields.PageNumber, PageNumber, errors) ?? 1;

        if (!HasError(errors, MeetingsFields.From) && !HasError(errors, MeetingsFields.To))
        {
            if (from > to)
            {
                errors.Add(new(MeetingsFields.To, "The period ends before it starts: choose a last day on or after {0}.", [Formatting.Display.Date(from)]));
            }
            else if (to >= from.AddMonths(options.MaxPeriodMonths))
            {
                errors.Add(new(MeetingsFields.To, "The period is longer than {0} months: choose a shorter one.", [options.MaxPeriodMonths]));
            }
        }

        var largestPage = Math.Min(MaxPageSize, options.MaxPageSize);
        if (!HasError(errors, MeetingsFields.PageSize) && (pageSize < MinPageSize || pageSize > largestPage))
        {
            errors.Add(new(MeetingsFields.PageSize, "Choose a page size from {0} to {1}.", [MinPageSize, largestPage]));
            pageSize = DefaultPageSize;
        }

        if (!HasError(errors, MeetingsFields.PageNumber) && pageNumber < 1)
        {
            errors.Add(new(MeetingsFields.PageNumber, "Enter a whole page number of 1 or more.", []));
            pageNumber = 1;
        }

        if (hostId is not null && rooms.IsKnown && !rooms.Contains(hostId))
        {
            errors.Add(new(MeetingsFields.HostId, "No room of this account has the id {0}.", [hostId]));
        }

        var criteria = new MeetingsCriteria(from, to, hostId, uuid, showParticipants, showTelephony, pageSize, pageNumber);
        return new MeetingsFilterCheck(criteria, errors, errors.Count == 0 ? criteria.ToRequest() : null);
    }

    /// <summary>Past the last page is only known once the upstream has told the totals.</summary>
    public static IReadOnlyList<FieldError> CheckPage(MeetingPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.PageNumber <= Math.Max(1, page.TotalPage))
        {
            return [];
        }

        var error = page.TotalPage switch
        {
            0 => new FieldError(MeetingsFields.PageNumber, "Page {0} does not exist: the period has no meetings.", [page.PageNumber]),
            1 => new FieldError(MeetingsFields.PageNumber, "Page {0} does not exist: the period has 1 page.", [page.PageNumber]),
            _ => new FieldError(MeetingsFields.PageNumber, "Page {0} does not exist: the period has {1} pages.", [page.PageNumber, page.TotalPage]),
        };
        return [error];
    }

    private static string? Text(string field, string? value, List<FieldError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxLength)
        {
            errors.Add(new(field, "This value is longer than {0} characters.", [MaxLength]));
            return null;
        }

        if (value.Any(char.IsControl))
        {
            errors.Add(new(field, "This value contains control characters.", []));
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static DateOnly Day(string field, string? value, DateOnly today, List<FieldError> errors)
    {
        var text = Text(field, value, errors);
        if (text is null)
        {
            return today;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new(field, "Enter a date as year-month-day, e.g. {0}.", [Formatting.Display.Invariant(today)]));
        return today;
    }

    private static bool Flag(string field, string? value, List<FieldError> errors)
    {
        var text = Text(field, value, errors);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        errors.Add(new(field, "Use true or false.", []));
        return false;
    }

    /// <summary>Null when absent; <see cref="int.MinValue"/> when not a whole number, so the range check explains it.</summary>
    private static int? Whole(string field, string? value, List<FieldError> errors)
    {
        var text = Text(field, value, errors);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : int.MinValue;
    }

    private static bool HasError(List<FieldError> errors, string field) => errors.Exists(error => error.Field == field);
}

/// <summary>The query-string names, which are the upstream's.</summary>
internal static class MeetingsFields
{
    public const string From = "from";
    public const string To = "to";
    public const string HostId = "host_id";
    public const string Uuid = "uuid";
    public const string ShowParticipants = "show_participants";
    public const string ShowTelephonyUsage = "show_telephony_usage";
    public const string PageSize = "page_size";
    public const string PageNumber = "page_number";
}

/// <summary>A message for one field: an English format (the localization key) and its arguments.</summary>
internal sealed record FieldError(string Field, string Message, IReadOnlyList<object> Arguments);

internal sealed record MeetingsFilterCheck(MeetingsCriteria Criteria, IReadOnlyList<FieldError> Errors, MeetingsRequest? Request);

/// <summary>The filter as understood, defaults filled in; what links and the form are built from.</summary>
internal sealed record MeetingsCriteria(
    DateOnly From,
    DateOnly To,
    string? HostId,
    string? Uuid,
    bool ShowParticipants,
    bool ShowTelephonyUsage,
    int PageSize,
    int PageNumber)
{
    public MeetingsRequest ToRequest() =>
        new(new MeetingQuery(new DatePeriod(From, To), HostId, Uuid, ShowParticipants, ShowTelephonyUsage), PageSize, PageNumber);
}
