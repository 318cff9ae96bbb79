using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Participants;

internal sealed class ParticipantsReportService(ArchiveReader archive, IRoomDirectory rooms, UpstreamZone zone) : IParticipantsReportService
{
    public async Task<UpstreamResult<ParticipantsReport>> GetAsync(ParticipantsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageNumber, 1);

        var query = new MeetingQuery(request.Period, HostId: request.HostId, ShowParticipants: true);
        var all = await archive.GetAllAsync(query, progress: null, cancellationToken).ConfigureAwait(false);
        if (!all.Succeeded)
        {
            return UpstreamResult<ParticipantsReport>.Failed(all.Failure);
        }

        var roomList = await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false);
        var search = new NameSearch(request.NameContains, request.RevealPhoneNumbers);
        var shown = search.Shown;
        var now = zone.Now;
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var people = new List<Attendance.PersonSum>();
        foreach (var meeting in all.Value)
        {
            var until = Attendance.MeasuredUntil(meeting, now);
            Attendance.SumByName(Attendance.Sessions(meeting, until, shown, flaws: null), people);
            foreach (var person in people)
            {
                if (!tallies.TryGetValue(person.Exact, out var tally))
                {
                    // The name as shown is worked out once a person, not once a meeting.
                    tally = new Tally(person.Exact, shown(person.Exact));
                    tallies.Add(person.Exact, tally);
                }

                tally.Add(person, meeting.HostId);
            }
        }

        var matching = tallies.Values
            .Where(tally => search.MatchesShown(tally.Shown))
            .Select(tally => (tally.Exact, Summary: tally.ToSummary(roomList)))
            .ToList();
        matching.Sort(Order(request.Sort, request.Descending));

        var skip = (int)Math.Min(int.MaxValue, (long)(request.PageNumber - 1) * request.PageSize);
        var page = matching.Skip(skip).Take(request.PageSize).Select(row => row.Summary).ToList();
        return UpstreamResult<ParticipantsReport>.Success(
            new ParticipantsReport(request, all.Value.Count, matching.Count, page, roomList, zone.Describe()));
    }

    /// <summary>The column asked (either way), then the name A to Z, then the exact name (two numbers may mask alike).</summary>
    private static Comparison<(string Exact, ParticipantSummary Summary)> Order(ParticipantSort sort, bool descending)
    {
        Comparison<ParticipantSummary> column = sort switch
        {
            ParticipantSort.Name => static (a, b) => StringComparer.InvariantCulture.Compare(a.Name, b.Name),
            ParticipantSort.Meetings => static (a, b) => a.Meetings.CompareTo(b.Meetings),
            ParticipantSort.Sessions => static (a, b) => a.Sessions.CompareTo(b.Sessions),
            ParticipantSort.ConnectedTime => static (a, b) => a.ConnectedTime.CompareTo(b.ConnectedTime),
            ParticipantSort.FirstSeen => static (a, b) => a.FirstSeen.CompareTo(b.FirstSeen),
            ParticipantSort.LastSeen => static (a, b) => a.LastSeen.CompareTo(b.LastSeen),
            ParticipantSort.Rooms => static (a, b) => a.Rooms.Count.CompareTo(b.Rooms.Count),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown participants sort column."),
        };

        return (a, b) =>
        {
            var byColumn = column(a.Summary, b.Summary);
            if (byColumn != 0)
            {
                return descending ? -byColumn : byColumn;
            }

            var byName = StringComparer.InvariantCulture.Compare(a.Summary.Name, b.Summary.Name);
            if (byName != 0)
            {
                return byName;
            }

            var byShownOrdinal = string.CompareOrdinal(a.Summary.Name, b.Summary.Name);
            return byShownOrdinal != 0 ? byShownOrdinal : string.CompareOrdinal(a.Exact, b.Exact);
        };
    }

    /// <summary>One name's running sums over the meetings read so far.</summary>
    private sealed class Tally(string exact, string shown)
    {
        private readonly HashSet<string> _hostIds = new(StringComparer.Ordinal);
        private int _meetings;
        private int _sessions;
        private TimeSpan _connected;
        private DateTimeOffset _firstSeen = DateTimeOffset.MaxValue;
        private DateTimeOffset _lastSeen = DateTimeOffset.MinValue;
        private bool _stillConnected;

        public string Exact { get; } = exact;

        public string Shown { get; } = shown;

        public void Add(Attendance.PersonSum line, string hostId)
        {
            _meetings++;
            _sessions += line.Sessions;
            _connected += line.ConnectedTime;
            _firstSeen = line.FirstJoin < _firstSeen ? line.FirstJoin : _firstSeen;
            _lastSeen = line.LastSeen > _lastSeen ? line.LastSeen : _lastSeen;
            _stillConnected |= line.StillConnected;
            _hostIds.Add(hostId);
        }

        public ParticipantSummary ToSummary(RoomList roomList)
        {
            var rooms = _hostIds
                .Select(hostId => (HostId: hostId, Name: roomList.NameOf(hostId)))
                .OrderBy(room => room.Name, StringComparer.InvariantCulture)
                .ThenBy(room => room.Name, StringComparer.Ordinal)
                .ThenBy(room => room.HostId, StringComparer.Ordinal)
                .ToList();
            var masked = !string.Equals(Exact, Shown, StringComparison.Ordinal);
            return new ParticipantSummary(
                Shown, _meetings, _sessions, _connected, _firstSeen, _lastSeen, _stillConnected, [.. rooms.Select(room => room.Name)], [.. rooms.Select(room => room.HostId)], masked);
        }
    }
}
