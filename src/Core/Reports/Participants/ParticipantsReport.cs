using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Participants;

/// <summary>The columns the participants report can be sorted by; ties are always broken by name, A to Z.</summary>
public enum ParticipantSort
{
    Name,
    Meetings,
    Sessions,
    ConnectedTime,
    FirstSeen,
    LastSeen,
    Rooms,
}

/// <summary>
/// One page of the participants report as asked. <paramref name="NameContains"/> is a case-insensitive substring
/// (invariant culture) of the name as shown; blank means everyone. Without <paramref name="RevealPhoneNumbers"/>,
/// names that are phone numbers (dial-in participants) are masked, and the search sees only the masked text.
/// </summary>
public sealed record ParticipantsRequest(
    DatePeriod Period,
    string? HostId,
    string? NameContains,
    ParticipantSort Sort,
    bool Descending,
    int PageSize,
    int PageNumber,
    bool RevealPhoneNumbers = false)
{
    /// <summary>How names (and each person's rooms) are ordered: the reader's language's order.</summary>
    public TextOrder TextOrder { get; init; } = TextOrder.Invariant;
}

/// <summary>
/// One page of people. Paging is as in <see cref="MeetingPage"/>: <see cref="TotalRecord"/> counts every name that
/// matches, and a page past the end is empty with the true totals. <see cref="MeetingsSummed"/> is how many meetings
/// of the period were read (all of them, whether or not anyone in them matched the search).
/// </summary>
public sealed record ParticipantsReport(
    ParticipantsRequest Request,
    int MeetingsSummed,
    int TotalRecord,
    IReadOnlyList<ParticipantSummary> Rows,
    RoomList Rooms,
    string ZoneLabel)
{
    public DatePeriod Period => Request.Period;

    public int PageNumber => Request.PageNumber;

    public int PageSize => Request.PageSize;

    public int TotalPage => TotalRecord == 0 ? 0 : (TotalRecord + PageSize - 1) / PageSize;

    public bool HasPreviousPage => PageNumber > 1 && TotalRecord > 0;

    public bool HasNextPage => PageNumber < TotalPage;

    /// <summary>1-based position of the first row on this page, 0 when the page is empty.</summary>
    public int FirstRecord => Rows.Count == 0 ? 0 : (PageNumber - 1) * PageSize + 1;

    public int LastRecord => Rows.Count == 0 ? 0 : FirstRecord + Rows.Count - 1;
}

/// <summary>
/// One display name over the period. <see cref="ConnectedTime"/> sums, meeting by meeting, the union of the person's
/// rows (overlapping rows of one meeting count once; rows still connected count until the meeting's end or now).
/// <see cref="LastSeen"/> is the last instant the person was present (now, while still connected somewhere).
/// </summary>
/// <param name="Rooms">Names of the rooms the person met in, sorted; a room without a known name shows its host id.</param>
/// <param name="RoomHostIds">The host ids of <paramref name="Rooms"/>, in the same order.</param>
/// <param name="NameMasked">
/// The name is a phone number shown masked: the meetings list, which finds people by their exact name, cannot find it.
/// </param>
public sealed record ParticipantSummary(
    string Name,
    int Meetings,
    int Sessions,
    TimeSpan ConnectedTime,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    bool StillConnected,
    IReadOnlyList<string> Rooms,
    IReadOnlyList<string> RoomHostIds,
    bool NameMasked);
