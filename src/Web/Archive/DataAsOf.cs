namespace UMeetingReports.Web.Archive;

/// <summary>
/// What _DataAsOf shows: how fresh a report read from the archive is — the oldest completion among the month windows
/// it read (<see cref="AsOf"/>), and the service's "now" to say how long ago that was. Both in the service's zone.
/// <see cref="IsFinal"/>: every month read is settled, so an old time does not mean old figures.
/// </summary>
internal sealed record DataAsOf(DateTimeOffset AsOf, DateTimeOffset Now, bool IsFinal)
{
    public TimeSpan Age => Now > AsOf ? Now - AsOf : TimeSpan.Zero;

    public bool IsToday => AsOf.Date == Now.Date;
}
