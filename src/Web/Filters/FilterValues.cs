using System.Globalization;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>A message for one field: an English format (the localization key) and its arguments.</summary>
internal sealed record FieldError(string Field, string Message, IReadOnlyList<object> Arguments);

/// <summary>
/// Reading a report's query string: every value binds as text and is parsed here, so a malformed value becomes a
/// message beside its field (HTTP 400), never a binding exception. Each reader adds at most one message per field.
/// </summary>
internal static class FilterValues
{
    public const int MaxLength = 200;
    public const int DefaultPageSize = 30;
    public const int MinPageSize = 10;
    public const int MaxPageSize = 300;

    private static readonly int[] OfferedPageSizes = [10, 30, 50, 100, 300];

    /// <summary>
    /// The days a filter accepts: wide enough for any account's history and plans, narrow enough that a period's
    /// month windows and its last midnight stay representable (9999-12-31 has no next day).
    /// </summary>
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    public static readonly DateOnly LatestDay = new(2099, 12, 31);

    /// <summary>The sizes a form offers, none above UMeeting:MaxPageSize.</summary>
    public static IEnumerable<int> PageSizesUpTo(int largest) => OfferedPageSizes.Where(size => size <= largest);

    /// <summary>The value trimmed; null when absent or blank, or when too long or holding control characters (with a message).</summary>
    public static string? Text(string field, string? value, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
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

    /// <summary>
    /// A day written yyyy-MM-dd from <see cref="EarliestDay"/> to <see cref="LatestDay"/>; <paramref name="fallback"/>
    /// when absent or wrong (with a message when wrong).
    /// </summary>
    public static DateOnly Day(string field, string? value, DateOnly fallback, List<FieldError> errors)
    {
        var text = Text(field, value, errors);
        if (text is null)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day >= EarliestDay && day <= LatestDay)
            {
                return day;
            }

            errors.Add(new(field, "Enter a date from {0} to {1}.", [Formatting.Display.Invariant(EarliestDay), Formatting.Display.Invariant(LatestDay)]));
            return fallback;
        }

        errors.Add(new(field, "Enter a date as year-month-day, e.g. {0}.", [Formatting.Display.Invariant(fallback)]));
        return fallback;
    }

    public static bool Flag(string field, string? value, List<FieldError> errors)
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
    public static int? Whole(string field, string? value, List<FieldError> errors)
    {
        var text = Text(field, value, errors);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : int.MinValue;
    }

    /// <summary>
    /// <c>from</c>, <c>to</c> and <c>host_id</c> as every report reads them: days (missing: <paramref name="today"/> in
    /// the upstream's zone), a period of at most UMeeting:MaxPeriodMonths, and a room of this account when the room
    /// list is known. Every problem is added to <paramref name="errors"/> beside its field.
    /// </summary>
    public static PeriodCriteria PeriodAndRoom(
        string? from, string? to, string? hostId, DateOnly today, UMeetingOptions options, RoomList rooms, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rooms);
        var first = Day(PeriodFields.From, from, today, errors);
        var last = Day(PeriodFields.To, to, today, errors);
        var room = Text(PeriodFields.HostId, hostId, errors);
        CheckPeriod(PeriodFields.From, first, PeriodFields.To, last, options.MaxPeriodMonths, errors);
        if (room is not null && rooms.IsKnown && !rooms.Contains(room))
        {
            errors.Add(new(PeriodFields.HostId, "No room of this account has the id {0}.", [room]));
        }

        return new PeriodCriteria(first, last, room);
    }

    /// <summary>The last day on or after the first, and the whole period shorter than <paramref name="maxMonths"/> months.</summary>
    public static void CheckPeriod(string fromField, DateOnly from, string toField, DateOnly to, int maxMonths, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (HasError(errors, fromField) || HasError(errors, toField))
        {
            return;
        }

        if (from > to)
        {
            errors.Add(new(toField, "The period ends before it starts: choose a last day on or after {0}.", [Formatting.Display.Date(from)]));
        }
        else if (to >= from.AddMonths(maxMonths))
        {
            errors.Add(new(toField, "The period is longer than {0} months: choose a shorter one.", [maxMonths]));
        }
    }

    /// <summary>The page size within the offered range; the default (with a message) otherwise.</summary>
    public static int CheckPageSize(string field, int pageSize, int upstreamMaxPageSize, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var largest = Math.Min(MaxPageSize, upstreamMaxPageSize);
        if (!HasError(errors, field) && (pageSize < MinPageSize || pageSize > largest))
        {
            errors.Add(new(field, "Choose a page size from {0} to {1}.", [MinPageSize, largest]));
            return DefaultPageSize;
        }

        return pageSize;
    }

    public static int CheckPageNumber(string field, int pageNumber, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!HasError(errors, field) && pageNumber < 1)
        {
            errors.Add(new(field, "Enter a whole page number of 1 or more.", []));
            return 1;
        }

        return pageNumber;
    }

    /// <summary>
    /// Past the last page is only known once the totals are: a message when <paramref name="pageNumber"/> is beyond
    /// them. <paramref name="nothingFound"/> is the message (a format of the page number) when there is nothing at all.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckPageExists(string field, int pageNumber, int totalPage, string nothingFound)
    {
        if (pageNumber <= Math.Max(1, totalPage))
        {
            return [];
        }

        var error = totalPage switch
        {
            0 => new FieldError(field, nothingFound, [pageNumber]),
            1 => new FieldError(field, "Page {0} does not exist: the period has 1 page.", [pageNumber]),
            _ => new FieldError(field, "Page {0} does not exist: the period has {1} pages.", [pageNumber, totalPage]),
        };
        return [error];
    }

    public static bool HasError(List<FieldError> errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Exists(error => error.Field == field);
    }
}
