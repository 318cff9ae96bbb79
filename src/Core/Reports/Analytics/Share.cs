namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// A part of a whole, kept as its exact counts so a page can show "12 of 340" beside the percentage and a test
/// can check both. <see cref="Ratio"/> is null when the whole is zero: no share, rather than a made-up 0 %.
/// </summary>
public readonly record struct Share(int Part, int Whole)
{
    /// <summary>Part ÷ whole as a fraction (0.25 is 25 %).</summary>
    public decimal? Ratio => Whole == 0 ? null : (decimal)Part / Whole;
}
