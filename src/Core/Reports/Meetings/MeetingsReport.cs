using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>The columns /meetings sorts by, written in addresses as their snake_case names (<c>start_time</c>).</summary>
public enum MeetingSort
{
    StartTime,
    EndTime,
    Room,
    MeetingId,
    Topic,
    Duration,
    ActualMinutes,
    Participants,
    PhoneMinutes,
    PhoneCost,
}

/// <summary>
/// One page of the meetings report as asked: the period, room, record id and optional columns (<see cref="Query"/>),
/// a search (<see cref="Search"/>: a meeting ID's beginning, part of a topic or a room's name, or a record id), the
/// meetings one display name joined (<see cref="Participant"/>, exact), the order (newest first unless asked), and the
/// page. Ties in any order are broken by record id, ordinal, so that pages never overlap.
/// </summary>
public sealed record MeetingsRequest(MeetingQuery Query, int PageSize, int PageNumber)
{
    public string? Search { get; init; }

    public string? Participant { get; init; }

    public MeetingSort Sort { get; init; } = MeetingSort.StartTime;

    public bool Descending { get; init; } = true;

    /// <summary>The order asked: <see cref="Sort"/> and <see cref="Descending"/>.</summary>
    public MeetingOrder Order => new(Sort, Descending);

    /// <summary>How room names are ordered when the list is sorted by room: the reader's language's order.</summary>
    public TextOrder TextOrder { get; init; } = TextOrder.Invariant;
}

/// <summary>
/// A page of meetings with the room names beside them and the page's totals. <see cref="ZoneLabel"/> names the
/// zone every time on the page is in, e.g. "Asia/Shanghai (UTC+08:00)". <see cref="DataAsOf"/>: the oldest completion
/// among the archive's month windows read.
/// </summary>
public sealed record MeetingsReport(
    MeetingsRequest Request,
    int TotalRecord,
    RoomList Rooms,
    IReadOnlyList<MeetingRow> Rows,
    MeetingTotals PageTotals,
    string ZoneLabel,
    DateTimeOffset? DataAsOf)
{
    /// <summary>True when every month read is settled (its last read is done): the figures no longer change.</summary>
    public bool DataIsFinal { get; init; }

    public int PageNumber => Request.PageNumber;

    public int TotalPage => TotalRecord == 0 ? 0 : (TotalRecord + Request.PageSize - 1) / Request.PageSize;

    /// <summary>1-based position of the first record on this page, 0 when the page is empty.</summary>
    public int FirstRecord => Rows.Count == 0 ? 0 : (PageNumber - 1) * Request.PageSize + 1;

    public int LastRecord => Rows.Count == 0 ? 0 : FirstRecord + Rows.Count - 1;
}

/// <summary>
/// A meeting as the table shows it, with the name of its room (the host id when no list knows it) and the totals the
/// archive computed when it wrote the meeting: distinct participants, phone minutes and cost.
/// </summary>
public sealed record MeetingRow(
    string Uuid,
    string HostId,
    string RoomName,
    string MeetingId,
    string Topic,
    DateTimeOffset Start,
    DateTimeOffset? End,
    int ScheduledMinutes,
    int? ActualMinutes,
    bool IsExtra,
    int Participants,
    int PhoneMinutes,
    decimal PhoneCost)
{
    public bool IsRunning => End is null;
}

/// <summary>
/// Sums over a set of meetings. Actual minutes count ended meetings only (a running one has no length yet);
/// participants count distinct names per meeting, since a person who rejoins has several rows.
/// </summary>
public sealed record MeetingTotals(
    int Meetings,
    int ScheduledMinutes,
    int ActualMinutes,
    int RunningMeetings,
    int OverflowMeetings,
    int Participants,
    int TelephonyMinutes,
    decimal TelephonyCost)
{
    public static MeetingTotals From(IEnumerable<Meeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        return From(meetings.Select(meeting => (meeting.ScheduledMinutes, meeting.ActualMinutes, meeting.IsExtra, meeting.DistinctParticipants, meeting.TelephonyMinutes, meeting.TelephonyCost)));
    }

    /// <summary>The totals of a page's rows (a page is at most UMeeting:MaxPageSize rows).</summary>
    public static MeetingTotals From(IEnumerable<MeetingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return From(rows.Select(row => (row.ScheduledMinutes, row.ActualMinutes, row.IsExtra, row.Participants, row.PhoneMinutes, row.PhoneCost)));
    }

    private static MeetingTotals From(IEnumerable<(int Scheduled, int? Actual, bool IsExtra, int Participants, int PhoneMinutes, decimal PhoneCost)> meetings)
    {
        var (count, scheduled, actual, running, overflow, participants, phoneMinutes, phoneCost) = (0, 0, 0, 0, 0, 0, 0, 0m);
        foreach (var meeting in meetings)
        {
            count++;
            scheduled += meeting.Scheduled;
            actual += meeting.Actual ?? 0;
            running += meeting.Actual is null ? 1 : 0;
            overflow += meeting.IsExtra ? 1 : 0;
            participants += meeting.Participants;
            phoneMinutes += meeting.PhoneMinutes;
            phoneCost += meeting.PhoneCost;
        }

        return new MeetingTotals(count, scheduled, actual, running, overflow, participants, phoneMinutes, phoneCost);
    }
}
