using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Formatting;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// What a filter is checked against (today in the upstream's zone, the settings, the account's rooms, whether the
/// reader sees phone numbers whole) and where its messages go: <c>ModelState</c>, under the field's query-string name,
/// localized, at most one per field.
/// </summary>
internal sealed class FilterCheck(DateOnly today, UMeetingOptions options, RoomList rooms, bool revealsPhoneNumbers, ModelStateDictionary modelState, IStringLocalizer text)
{
    public const int DefaultPageSize = 30;
    public const int MinPageSize = 10;
    public const int MaxPageSize = 300;

    /// <summary>The longest text a field takes.</summary>
    public const int MaxLength = 200;

    private static readonly int[] OfferedPageSizes = [10, 30, 50, 100, MaxPageSize];

    /// <summary>
    /// The days a filter accepts: wide enough for any account's history and plans, narrow enough that a period's
    /// month windows and its last midnight stay representable (9999-12-31 has no next day).
    /// </summary>
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    public static readonly DateOnly LatestDay = new(2099, 12, 31);

    public DateOnly Today { get; } = today;

    public UMeetingOptions Options { get; } = options;

    public RoomList Rooms { get; } = rooms;

    public bool IsValid => modelState.IsValid;

    /// <summary>
    /// The sizes a form offers, none above UMeeting:MaxPageSize, and the size in force among them when an address asked
    /// for another one the filter accepts (page_size=25 stays 25 when the form is sent again).
    /// </summary>
    public static IEnumerable<int> PageSizesUpTo(int largest, int current) =>
        OfferedPageSizes.Append(current).Where(size => size is >= MinPageSize && size <= largest).Distinct().Order();

    public bool HasError(string field) => modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    /// <summary>A field that means nothing here: the message its value may have drawn goes, and so does the value.</summary>
    public void Ignore(string field) => modelState.Remove(field);

    /// <summary>A message beside <paramref name="field"/>, unless it has one already.</summary>
    /// <param name="format">The English format, which is the localization key.</param>
    public void Error(string field, string format, params object[] arguments)
    {
        if (!HasError(field))
        {
            modelState.AddModelError(field, text[format, arguments]);
        }
    }

    /// <summary>
    /// The first day no later than today (no meeting has taken place after it, so such a period could only answer
    /// "no meetings"), the last day on or after the first, and the whole period shorter than UMeeting:MaxPeriodMonths.
    /// </summary>
    public void Period(string fromField, DateOnly from, string toField, DateOnly to)
    {
        if (HasError(fromField) || HasError(toField))
        {
            return;
        }

        if (from > Today)
        {
            Error(fromField, "The period starts after today ({0}): choose a first day up to today.", Display.Date(Today));
        }
        else if (from > to)
        {
            Error(toField, "The period ends before it starts: choose a last day on or after {0}.", Display.Date(from));
        }
        else if (to >= from.AddMonths(Options.MaxPeriodMonths))
        {
            Error(toField, "The period is longer than {0} months: choose a shorter one.", Options.MaxPeriodMonths);
        }
    }

    /// <summary>
    /// A person looked up by the exact name: never a phone number for a reader who sees numbers masked, since the
    /// answer (meetings or none) would tell whether a guessed number is the one hidden.
    /// </summary>
    public void Person(string field, string? name)
    {
        if (!revealsPhoneNumbers && name is not null && PhoneNumberMask.LooksLikePhoneNumber(Plain(name)))
        {
            Error(field, "Your account sees phone numbers masked, so it cannot look up a person by a phone number.");
        }
    }

    /// <summary>The text as it reads: full-width digits as digits, invisible format characters (zero-width) left out.</summary>
    private static string Plain(string text) =>
        string.Concat(text.Normalize(System.Text.NormalizationForm.FormKC).Where(character => char.GetUnicodeCategory(character) != System.Globalization.UnicodeCategory.Format));

    /// <summary>A room of this account, when the room list is known.</summary>
    public void Room(string field, string? hostId)
    {
        if (hostId is not null && Rooms.IsKnown && !Rooms.Contains(hostId))
        {
            Error(field, "No room of this account has the id “{0}”.", hostId);
        }
    }

    /// <summary>
    /// From <see cref="MinPageSize"/> to the smaller of <see cref="MaxPageSize"/> and UMeeting:MaxPageSize; otherwise
    /// a message, and the default size for the form to offer.
    /// </summary>
    public int PageSize(string field, int pageSize)
    {
        var largest = Math.Min(MaxPageSize, Options.MaxPageSize);
        if (pageSize >= MinPageSize && pageSize <= largest)
        {
            return pageSize;
        }

        // A whole number is quoted (the form's list cannot show it); anything else was not a number at all.
        if (pageSize is int.MinValue or int.MaxValue)
        {
            Error(field, "Choose a page size from {0} to {1}.", MinPageSize, largest);
        }
        else
        {
            Error(field, "A page size of {2} is not offered: choose one from {0} to {1}.", MinPageSize, largest, pageSize);
        }

        return DefaultPageSize;
    }

    /// <summary>1 or more; otherwise a message, and page 1.</summary>
    public int PageNumber(string field, int pageNumber)
    {
        if (pageNumber >= 1)
        {
            return pageNumber;
        }

        Error(field, "Enter a whole page number of 1 or more.");
        return 1;
    }

    /// <summary>
    /// Past the last page is only known once the totals are: a message when <paramref name="pageNumber"/> is beyond
    /// them (<paramref name="nothingFound"/>, a format of the page number, when there is nothing at all). A number too
    /// large for any list arrives as <see cref="int.MaxValue"/> and is quoted as <paramref name="typed"/>.
    /// </summary>
    /// <returns>Whether the page exists.</returns>
    public static bool PageExists(ModelStateDictionary modelState, IStringLocalizer text, string field, int pageNumber, int totalPage, string nothingFound, string? typed = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        if (pageNumber <= Math.Max(1, totalPage))
        {
            return true;
        }

        object shown = pageNumber == int.MaxValue && !string.IsNullOrWhiteSpace(typed) ? typed.Trim() : pageNumber;
        var message = totalPage switch
        {
            0 => text[nothingFound, shown],
            1 => text["Page {0} does not exist: the list has 1 page.", shown],
            _ => text["Page {0} does not exist: the list has {1} pages.", shown, totalPage],
        };
        modelState.AddModelError(field, message);
        return false;
    }
}
