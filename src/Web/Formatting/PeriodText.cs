using Microsoft.Extensions.Localization;

namespace UMeetingReports.Web.Formatting;

/// <summary>A period as the reports name it in their headings and summary lines.</summary>
internal static class PeriodText
{
    /// <summary>
    /// "2026-11-01 – 2026-11-30"; for a period that ends after today, "2026-12-01 – 2027-06-30 (up to today,
    /// 2026-12-08)": nothing is counted beyond today, and the figures should not read as the whole period's.
    /// </summary>
    public static string Covered(IStringLocalizer text, DateOnly from, DateOnly to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        return to > today
            ? text["{0} (up to today, {1})", Display.Period(from, to), Display.Date(today)]
            : Display.Period(from, to);
    }
}
