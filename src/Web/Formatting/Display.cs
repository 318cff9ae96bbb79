using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace UMeetingReports.Web.Formatting;

/// <summary>
/// How numbers and times are shown: in the request's culture for people, and in <c>data-value</c> as the exact
/// invariant value for tests and scripts (minutes as integers, yuan as <c>0.12</c>, times as the upstream wrote them,
/// durations as whole seconds, shares as a fraction of 1).
/// </summary>
internal static class Display
{
    /// <summary>The lengths of "yyyy-MM-dd", "yyyy-MM-dd HH:mm" and "yyyy-MM-dd HH:mm:ss".</summary>
    private const int DateLength = 10;
    private const int MinuteLength = 16;
    private const int SecondLength = 19;

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Always yuan, whatever the culture: the upstream bills in yuan.</summary>
    public static string Yuan(decimal value) => "¥" + value.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>
    /// Times and dates are ISO-ordered in every culture: admins compare them with the vendor's portal and with
    /// invoices, and "10/2/2026" reads as two different days in the two languages this app speaks.
    /// </summary>
    public static string Time(DateTimeOffset value) => Iso(value.DateTime, MinuteLength);

    public static string Date(DateOnly value) => Iso(value.ToDateTime(TimeOnly.MinValue), DateLength);

    /// <summary>Hours:minutes:seconds, hours not wrapping at a day (a month's connected time can run to hundreds).</summary>
    public static string Duration(TimeSpan value)
    {
        var seconds = (long)Math.Max(0, Math.Floor(value.TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }

    /// <summary>
    /// A long total as hours and minutes, "263 h 48 min" / "263 小时 48 分": a period's connected time runs to hundreds
    /// of hours, where "263:48:12" is hard to read. Per-session times keep <see cref="Duration"/>.
    /// </summary>
    public static string Hours(IStringLocalizer text, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var minutes = (long)Math.Max(0, Math.Floor(value.TotalMinutes));
        return text["{0} h {1} min", (minutes / 60).ToString("N0", CultureInfo.CurrentCulture), minutes % 60];
    }

    /// <summary>
    /// A setting's length of time in words, its largest units first and the empty ones left out: "5 min", "2 days",
    /// "1 day 12 h" / "5 分钟", "2 天", "1 天 12 小时". Settings pages show it beside the value as configured.
    /// </summary>
    public static string Span(IStringLocalizer text, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (value <= TimeSpan.Zero)
        {
            return text["{0} min", 0];
        }

        var parts = new List<string>(4);
        if (value.Days > 0)
        {
            parts.Add(value.Days == 1 ? text["1 day"] : text["{0} days", value.Days.ToString("N0", CultureInfo.CurrentCulture)]);
        }

        if (value.Hours > 0)
        {
            parts.Add(text["{0} h", value.Hours]);
        }

        if (value.Minutes > 0)
        {
            parts.Add(text["{0} min", value.Minutes]);
        }

        if (value.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(text["{0} s", value.Seconds]);
        }

        return string.Join(" ", parts);
    }

    /// <summary>The words for a call type (呼入, Call-in); a code this app does not know is shown as the upstream sent it.</summary>
    public static string CallType(IStringLocalizer text, string code)
    {
        ArgumentNullException.ThrowIfNull(text);
        return code switch
        {
            "call-in" => text["Call-in"],
            "call-out" => text["Call-out"],
            "callback" => text["Callback"],
            _ => code,
        };
    }

    /// <summary>A time as whole minutes, rounded, in the request's culture (the exact seconds go in data-value).</summary>
    public static string Minutes(TimeSpan value) => Math.Round(value.TotalMinutes, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A share of 0..1 as a percent in the request's culture.</summary>
    /// <param name="decimals">Decimals of the percentage: none (6 %) unless asked (6.4 %).</param>
    public static string Percent(double share, int decimals = 0) => share.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    /// <summary>"2025-01-15 – 2025-03-10", or one date when the period is one day.</summary>
    public static string Period(DateOnly from, DateOnly to) => from == to ? Date(from) : $"{Date(from)} – {Date(to)}";

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>At least two decimals, and every further digit the value has, so nothing is rounded away.</summary>
    public static string Invariant(decimal value) => value.ToString("0.00############################", CultureInfo.InvariantCulture);

    /// <summary>The upstream's own wall-clock notation, in its zone.</summary>
    public static string Invariant(DateTimeOffset value) => Iso(value.DateTime, SecondLength);

    public static string Invariant(DateOnly value) => Date(value);

    /// <summary>Whole seconds (the upstream's times have one-second resolution).</summary>
    public static string Invariant(TimeSpan value) => ((long)Math.Max(0, Math.Floor(value.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    /// <summary>A share of 0..1 to four decimals, e.g. <c>0.8731</c>.</summary>
    public static string InvariantShare(double share) => Math.Round(share, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A number inside a sentence: <c>&lt;span data-testid data-value&gt;</c>.</summary>
    public static IHtmlContent CountSpan(string testId, int value) => Span(testId, Invariant(value), Count(value));

    public static IHtmlContent DateSpan(string testId, DateOnly value) => Span(testId, Invariant(value), Date(value));

    /// <summary>Words inside a sentence that a script or test reads as they are (a zone's label).</summary>
    public static IHtmlContent TextSpan(string testId, string text) => Span(testId, text, text);

    /// <summary>Text set as code inside a sentence (a file's name): <c>&lt;code data-testid&gt;</c>, encoded.</summary>
    public static IHtmlContent Code(string testId, string text)
    {
        var code = new TagBuilder("code");
        code.Attributes["data-testid"] = testId;
        code.InnerHtml.Append(text);
        return code;
    }

    /// <summary>A clock time inside a sentence, as <c>show-time</c> writes it in a table.</summary>
    public static IHtmlContent DateTimeSpan(string testId, DateTimeOffset value) => Span(testId, Invariant(value), Time(value));

    /// <summary>As <see cref="DateTimeSpan"/>, to the second: for two moments inside one minute.</summary>
    public static IHtmlContent DateTimeSpanToTheSecond(string testId, DateTimeOffset value) => Span(testId, Invariant(value), Invariant(value));

    /// <summary>
    /// "yyyy-MM-dd", "yyyy-MM-dd HH:mm" or "yyyy-MM-dd HH:mm:ss" of the clock time, as the invariant culture writes
    /// them, written digit by digit: a table row shows four times, and the general formatter parses its pattern
    /// for each (bench/README.md, "P1").
    /// </summary>
    private static string Iso(DateTime value, int length) => string.Create(length, value, static (text, time) =>
    {
        Digits(text[..4], time.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), time.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), time.Day);
        if (text.Length > DateLength)
        {
            text[10] = ' ';
            Digits(text.Slice(11, 2), time.Hour);
            text[13] = ':';
            Digits(text.Slice(14, 2), time.Minute);
        }

        if (text.Length > MinuteLength)
        {
            text[16] = ':';
            Digits(text.Slice(17, 2), time.Second);
        }
    });

    private static void Digits(Span<char> text, int value)
    {
        for (var index = text.Length - 1; index >= 0; index--)
        {
            text[index] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static TagBuilder Span(string testId, string invariant, string shown)
    {
        var span = new TagBuilder("span");
        span.Attributes["data-testid"] = testId;
        span.Attributes["data-value"] = invariant;
        span.InnerHtml.Append(shown);
        return span;
    }
}
