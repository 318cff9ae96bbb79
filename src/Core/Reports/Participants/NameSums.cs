using UMeetingReports.Core.Reports.MeetingDetail;

namespace UMeetingReports.Core.Reports.Participants;

/// <summary>
/// One name's running sums over the meetings seen so far, as the participants report and the downloads' People table
/// count them: meetings, sessions, connected time (each meeting's overlapping sessions once), first and last seen,
/// whether a session is still open, and the rooms.
/// </summary>
internal sealed class NameSums
{
    private readonly HashSet<string> _hostIds = new(StringComparer.Ordinal);
    private int _meetings;
    private int _sessions;
    private TimeSpan _connected;
    private DateTimeOffset _firstSeen = DateTimeOffset.MaxValue;
    private DateTimeOffset _lastSeen = DateTimeOffset.MinValue;
    private bool _stillConnected;

    /// <summary>The name's line in one meeting of the room <paramref name="hostId"/>.</summary>
    public void Add(Attendance.PersonSum person, string hostId) =>
        Add(1, person.Sessions, person.ConnectedTime, person.FirstJoin, person.LastSeen, person.StillConnected, hostId);

    /// <summary>The name's sums over <paramref name="meetings"/> meetings of the room <paramref name="hostId"/>.</summary>
    public void Add(int meetings, int sessions, TimeSpan connected, DateTimeOffset firstSeen, DateTimeOffset lastSeen, bool stillConnected, string hostId)
    {
        _meetings += meetings;
        _sessions += sessions;
        _connected += connected;
        _firstSeen = firstSeen < _firstSeen ? firstSeen : _firstSeen;
        _lastSeen = lastSeen > _lastSeen ? lastSeen : _lastSeen;
        _stillConnected |= stillConnected;
        _hostIds.Add(hostId);
    }

    public PersonTally ToPerson(string exact, string shown) =>
        new(exact, shown, _meetings, _sessions, _connected, _firstSeen, _lastSeen, _stillConnected, [.. _hostIds]);
}
