namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>
/// An order of the meetings report's list: one of its columns and the direction, ties broken by record id (ordinal).
/// What <c>/meetings</c> sorts by, and what a download asked from it follows.
/// </summary>
public sealed record MeetingOrder(MeetingSort Sort, bool Descending)
{
    /// <summary>The report's own order: the newest first.</summary>
    public static MeetingOrder Default { get; } = new(MeetingSort.StartTime, Descending: true);
}
