namespace UMeetingReports.Web.Archive;

/// <summary>
/// What _DataAsOf shows: how fresh a report read from the archive is — the oldest completion among the month windows
/// it read (<see cref="AsOf"/>), and the service's "now" to say how long ago that was. Both in the service's zone.
/// </summary>
internal sealed record DataAsOf(DateTimeOffset AsOf, DateTimeOffset Now)
{
    public TimeSpan Age => Now > AsOf ? Now - AsOf : TimeSpan.Zero;

    public bool IsToday => AsOf.Date == Now.Date;
}
