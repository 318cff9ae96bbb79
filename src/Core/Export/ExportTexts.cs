using System.Globalization;
using System.Resources;
using UMeetingReports.Core.Reports.Meetings;

namespace UMeetingReports.Core.Export;

/// <summary>
/// The words of a file (sheet names, headers, the Summary's labels and texts, call types) in the language of the
/// person who asked for it. Core's own resources (ExportTexts.resx, ExportTexts.zh-CN.resx), keyed by the English
/// text as the web app's are, and read for an explicit culture: an export runs on a background thread where the
/// request's CurrentUICulture is not, so nothing here reads the thread's culture. No web dependency is needed for
/// that; a plain <see cref="ResourceManager"/> does it.
/// </summary>
internal sealed class ExportTexts
{
    /// <summary>The language of files asked for without one, and of every key.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ResourceManager Resources = new("UMeetingReports.Core.Export.ExportTexts", typeof(ExportTexts).Assembly);

    // The upstream's codes for the kinds of telephone leg and their words (keys of the resources).
    private static readonly Dictionary<string, string> CallTypeWords = new(StringComparer.Ordinal)
    {
        ["call-in"] = "Call-in",
        ["call-out"] = "Call-out",
        ["callback"] = "Callback",
    };

    // This file's words for the call types, looked up once: every row of the Telephony sheet asks for one, and a
    // resource lookup takes the resource manager's lock.
    private readonly Dictionary<string, string> _callTypes;

    public ExportTexts(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        Culture = culture;
        _callTypes = CallTypeWords.ToDictionary(pair => pair.Key, pair => this[pair.Value], StringComparer.Ordinal);
    }

    public CultureInfo Culture { get; }

    /// <summary>The text for <paramref name="english"/>, or the English itself when the language has none.</summary>
    public string this[string english] => Resources.GetString(english, Culture) ?? english;

    /// <summary>A formatted text, numbers and dates in the file's culture.</summary>
    public string this[string english, params object[] arguments] => string.Format(Culture, this[english], arguments);

    /// <summary>The language's own name, stated in the Summary: "English", "简体中文".</summary>
    public string LanguageName => this["English"];

    /// <summary>A call type's word (呼入, Call-in); a code this app does not know stays as the upstream sent it.</summary>
    public string CallType(string code) => _callTypes.TryGetValue(code, out var word) ? word : code;

    /// <summary>
    /// The meetings' order in words, as the Summary states it: the column as the Meetings sheet heads it and the way it
    /// runs ("Phone cost, highest first", "电话费用，从高到低"); null, the archive's order, is the meeting service's.
    /// </summary>
    public string Order(MeetingOrder? order)
    {
        if (order is null)
        {
            return this["Start, earliest first (the meeting service's order)"];
        }

        var (column, kind) = order.Sort switch
        {
            MeetingSort.StartTime => ("Start", OrderKind.Time),
            MeetingSort.EndTime => ("End", OrderKind.Time),
            MeetingSort.Room => ("Room", OrderKind.Text),
            MeetingSort.MeetingId => ("Meeting ID", OrderKind.Text),
            MeetingSort.Topic => ("Topic", OrderKind.Text),
            MeetingSort.Duration => ("Scheduled minutes", OrderKind.Amount),
            MeetingSort.ActualMinutes => ("Actual minutes", OrderKind.Amount),
            MeetingSort.Participants => ("Participants|count", OrderKind.Amount),
            MeetingSort.PhoneMinutes => ("Phone minutes", OrderKind.Amount),
            MeetingSort.PhoneCost => ("Phone cost", OrderKind.Money),
            _ => throw new ArgumentOutOfRangeException(nameof(order), order.Sort, "Not a column of the meetings report."),
        };
        var direction = (kind, order.Descending) switch
        {
            (OrderKind.Time, true) => "latest first",
            (OrderKind.Time, false) => "earliest first",
            (OrderKind.Text, false) => "A to Z",
            (OrderKind.Text, true) => "Z to A",
            (OrderKind.Amount, true) => "most first",
            (OrderKind.Amount, false) => "fewest first",
            (_, true) => "highest first",
            (_, false) => "lowest first",
        };
        return this["{0}, {1}", this[column], this[direction]];
    }

    /// <summary>
    /// <c>Monday–Friday 09:00–18:00, Asia/Shanghai (UTC+08:00)</c> with the days in the file's language
    /// (星期一–星期五 …), contiguous days as a range, others listed.
    /// </summary>
    public string BusinessHours(IReadOnlyList<DayOfWeek> days, TimeOnly start, TimeOnly end, string zoneLabel)
    {
        ArgumentNullException.ThrowIfNull(days);
        var shown = Reports.RoomUsage.BusinessHoursRule.DaysInWords(days, Culture.DateTimeFormat.GetDayName, this[", "]);
        return this["{0} {1}–{2}, {3}", shown, start.ToString("HH:mm", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture), zoneLabel];
    }

    /// <summary>How a column's order runs in words: times early or late, texts A to Z, minutes and counts many or few, money high or low.</summary>
    private enum OrderKind
    {
        Time,
        Text,
        Amount,
        Money,
    }
}
