namespace UMeetingReports.Core.Upstream;

/// <summary>An inclusive range of calendar days in the upstream's zone.</summary>
public readonly record struct DatePeriod
{
    public DatePeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Whole calendar months the period touches, counting partial ones (Jan 15..Mar 10 touches 3).</summary>
    public int MonthsTouched => (To.Year - From.Year) * 12 + To.Month - From.Month + 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>
    /// Splits the period into windows that each lie inside one calendar month, in time order:
    /// the upstream silently answers a longer period with its last month only.
    /// </summary>
    public IReadOnlyList<DatePeriod> SplitIntoMonthWindows()
    {
        var windows = new List<DatePeriod>(MonthsTouched);
        var start = From;
        while (start <= To)
        {
            var monthEnd = new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month));
            var end = monthEnd < To ? monthEnd : To;
            windows.Add(new DatePeriod(start, end));
            start = end.AddDays(1);
        }

        return windows;
    }

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
