namespace UMeetingReports.Core.Archive;

/// <summary>
/// Which month windows are due for a read, newest first, and when the next one will be. All times are wall-clock
/// values in the service's zone. The rules:
/// a month never read whole is due (a failed one again after Archive:RefreshInterval);
/// the current month is due every Archive:RefreshInterval;
/// a past month is read once, then once more when Archive:SettleAfter has passed since it ended, then left alone.
/// </summary>
internal static class ArchiveSchedule
{
    /// <summary>The first month the schedule keeps: Archive:Since's month, or the month 13 months before today's.</summary>
    public static DateOnly FirstMonth(ArchiveOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        var since = options.Since ?? MonthOf(today).AddMonths(-ArchiveOptions.DefaultMonthsBack);
        return MonthOf(since);
    }

    /// <summary>The months from <paramref name="first"/> to today's, newest first.</summary>
    public static IReadOnlyList<DateOnly> Months(DateOnly first, DateOnly today)
    {
        var months = new List<DateOnly>();
        for (var month = MonthOf(today); month >= MonthOf(first); month = month.AddMonths(-1))
        {
            months.Add(month);
        }

        return months;
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The moment a past month may be read for the last time: its end plus Archive:SettleAfter.</summary>
    public static DateTime SettlesAt(DateOnly month, ArchiveOptions options) =>
        month.AddMonths(1).ToDateTime(TimeOnly.MinValue) + options.SettleAfter;

    /// <summary>
    /// When <paramref name="month"/> is next due (at or before <paramref name="now"/>: due now), or null when it is
    /// settled and never read again.
    /// </summary>
    public static DateTime? DueAt(DateOnly month, MonthWindow? window, DateTime now, ArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = window?.LastReadAt is { } lastRead ? lastRead + options.RefreshInterval : DateTime.MinValue;
        if (window?.CompletedAt is null)
        {
            // Never read whole: at once, or a while after a failed read.
            return window?.State == MonthWindowState.Failed ? retry : DateTime.MinValue;
        }

        if (month == MonthOf(DateOnly.FromDateTime(now)))
        {
            return retry;
        }

        if (window.Settled)
        {
            return null;
        }

        var settlesAt = SettlesAt(month, options);
        return settlesAt > retry ? settlesAt : retry;
    }

    /// <summary>The months of the schedule due at <paramref name="now"/>, newest first.</summary>
    public static IReadOnlyList<DateOnly> Due(IReadOnlyDictionary<DateOnly, MonthWindow> windows, DateTime now, ArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var today = DateOnly.FromDateTime(now);
        return [.. Months(FirstMonth(options, today), today)
            .Where(month => DueAt(month, windows.GetValueOrDefault(month), now, options) is { } due && due <= now)];
    }

    /// <summary>
    /// How long until something is next due, at most Archive:RefreshInterval (the current month's own rhythm) and at
    /// least a second; the start of the next month counts, since it brings a new current month.
    /// </summary>
    public static TimeSpan NextWait(IReadOnlyDictionary<DateOnly, MonthWindow> windows, DateTime now, ArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var today = DateOnly.FromDateTime(now);
        var next = MonthOf(today).AddMonths(1).ToDateTime(TimeOnly.MinValue);
        foreach (var month in Months(FirstMonth(options, today), today))
        {
            if (DueAt(month, windows.GetValueOrDefault(month), now, options) is { } due && due < next)
            {
                next = due;
            }
        }

        var wait = next - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1)
            : wait > options.RefreshInterval ? options.RefreshInterval
            : wait;
    }
}
