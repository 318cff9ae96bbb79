namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>A stretch of time from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive); empty when End ≤ Start.</summary>
internal readonly record struct TimeInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public bool IsEmpty => End <= Start;

    public TimeSpan Length => IsEmpty ? TimeSpan.Zero : End - Start;

    public TimeInterval Intersect(TimeInterval other) =>
        new(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End);

    /// <summary>The intervals' union as disjoint intervals in time order; touching intervals become one.</summary>
    public static List<TimeInterval> Union(IEnumerable<TimeInterval> intervals)
    {
        var merged = new List<TimeInterval>();
        foreach (var interval in intervals.Where(interval => !interval.IsEmpty).OrderBy(interval => interval.Start))
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                if (interval.End > merged[^1].End)
                {
                    merged[^1] = merged[^1] with { End = interval.End };
                }
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
