using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>
/// The whole period's figures, per room and per day, summed meeting by meeting as the rows stream past, so that
/// the Summary, Rooms and Daily sheets never need the period in memory. Each meeting's own figures come from
/// <see cref="MeetingFigures.Of"/>, the analytics pages' definition, and peaks and utilisation from
/// <see cref="RoomOccupancy"/>, the room usage page's, so the workbook's totals are the pages' totals. Only when each
/// meeting ran is kept (for utilisation), the names seen (for distinct participants), and each name's sums (for the
/// People sheet, counted as the participants report counts them: <see cref="Attendance.SumByName"/>, a meeting still
/// running up to <paramref name="now"/>).
/// </summary>
internal sealed class PeriodTallies(UpstreamZone zone, DateTimeOffset now)
{
    private readonly FiguresTally _total = new();
    private readonly Dictionary<string, FiguresTally> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoomOccupancy> _roomOccupancy = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, FiguresTally> _days = [];
    private readonly Dictionary<string, NameSums> _people = new(StringComparer.Ordinal);
    private readonly List<Attendance.PersonSum> _meetingPeople = [];
    private readonly Dictionary<string, TelephonyTotals> _callTypes = new(StringComparer.Ordinal);

    public void Add(Meeting meeting)
    {
        var one = MeetingFigures.Of([meeting]);
        _total.Add(one, meeting);
        Tally(_rooms, meeting.HostId).Add(one, meeting);
        Tally(_roomOccupancy, meeting.HostId).Add(meeting);
        Tally(_days, zone.DayOf(meeting.Start)).Add(one, meeting);
        Attendance.SumByName(Attendance.Sessions(meeting, Attendance.MeasuredUntil(meeting, now), static name => name, flaws: null), _meetingPeople);
        foreach (var person in _meetingPeople)
        {
            Tally(_people, person.Exact).Add(person, meeting.HostId);
        }

        foreach (var call in meeting.Telephony)
        {
            var sum = _callTypes.GetValueOrDefault(call.Type) ?? TelephonyTotals.None;
            _callTypes[call.Type] = new TelephonyTotals(sum.Calls + 1, sum.Minutes + call.Minutes, sum.Cost + call.Cost);
        }
    }

    /// <summary>The calls by type, as the telephony report's table lists them (<see cref="TelephonyReportBuilder.ByType"/>), and their total last.</summary>
    public IReadOnlyList<CallTypeTotals> CallTypes() =>
    [
        .. TelephonyReportBuilder.ByType(_callTypes).Select(line => new CallTypeTotals(line.Type, line.Totals)),
        new CallTypeTotals(null, TelephonyTotals.Sum(_callTypes.Values)),
    ];

    /// <summary>
    /// One line per name, as <c>/participants</c> lists them by default: the longest connected first, then by name as
    /// shown, then by exact name (two numbers may mask alike); each line's rooms named from the room list. Names and
    /// rooms in the file's language's order (<paramref name="order"/>).
    /// </summary>
    public IReadOnlyList<PersonLine> People(RoomList rooms, Func<string, string> shownName, TextOrder order)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(shownName);
        ArgumentNullException.ThrowIfNull(order);
        return [.. _people
            .Select(pair => pair.Value.ToPerson(pair.Key, shownName(pair.Key)))
            .OrderByDescending(person => person.Connected)
            .ThenBy(person => person.Shown, order)
            .ThenBy(person => person.Exact, StringComparer.Ordinal)
            .Select(person => new PersonLine(person, [.. person.RoomsByName(rooms, order).Select(room => room.Name)]))];
    }

    public MeetingFigures Total => _total.Figures();

    /// <summary>How many lines <see cref="People"/> gives: the distinct names seen.</summary>
    public int PeopleCount => _people.Count;

    /// <summary>The most meetings held at once across every room (the licences the account needed).</summary>
    public int PeakConcurrent(UsageFrame frame) => RoomOccupancy.Together(_roomOccupancy.Values).PeakConcurrent(frame);

    /// <summary>
    /// The chosen room alone; or every room of the directory (meetings or not) and any other room the data names, the
    /// busiest first as the room usage page lists them by default: by utilisation, rooms that tie by name in the
    /// reader's order (<paramref name="names"/>), then by host id.
    /// </summary>
    public IReadOnlyList<RoomTotals> Rooms(RoomList rooms, string? chosenHostId, UsageFrame frame, TextOrder names)
    {
        IEnumerable<string> hostIds = string.IsNullOrEmpty(chosenHostId)
            ? rooms.Rooms.Select(room => room.HostId)
                .Concat(_rooms.Keys.Where(hostId => !rooms.Contains(hostId)).Order(StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
            : [chosenHostId];
        var lines = hostIds.Select(hostId =>
        {
            var occupancy = _roomOccupancy.GetValueOrDefault(hostId) ?? new RoomOccupancy();
            return new RoomTotals(
                rooms.NameOf(hostId),
                hostId,
                _rooms.TryGetValue(hostId, out var tally) ? tally.Figures() : MeetingFigures.None,
                occupancy.PeakConcurrent(frame),
                occupancy.Utilisation(frame));
        });
        return [.. lines.OrderByDescending(line => line.Utilisation.Ratio).ThenBy(line => line.Room, names).ThenBy(line => line.HostId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every day of the period up to the day the file is made (days without meetings at zero; days still to come are
    /// left out) and any day the upstream placed a meeting on outside it.
    /// </summary>
    public IReadOnlyList<DayTotals> Days(DatePeriod period)
    {
        var madeOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone.TimeZone).DateTime);
        return [.. period.EachDayUntil(madeOn).Concat(_days.Keys).Distinct().Order().Select(day => new DayTotals(
            day,
            _days.TryGetValue(day, out var tally) ? tally.Figures() : MeetingFigures.None))];
    }

    private static TTally Tally<TKey, TTally>(Dictionary<TKey, TTally> tallies, TKey key)
        where TKey : notnull
        where TTally : new()
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new TTally();
            tallies.Add(key, tally);
        }

        return tally;
    }

    /// <summary>
    /// Running sums of <see cref="MeetingFigures"/>: every figure adds up meeting by meeting except the distinct
    /// names, which need the set of names seen (bounded by the people, not by the period's length).
    /// </summary>
    private sealed class FiguresTally
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private MeetingFigures _sum = MeetingFigures.None;

        public void Add(MeetingFigures one, Meeting meeting)
        {
            _sum = new MeetingFigures(
                _sum.Meetings + one.Meetings,
                _sum.RunningMeetings + one.RunningMeetings,
                _sum.ScheduledMinutes + one.ScheduledMinutes,
                _sum.ActualMinutes + one.ActualMinutes,
                _sum.ParticipantRows + one.ParticipantRows,
                _sum.Attendees + one.Attendees,
                DistinctNames: 0,
                _sum.OverflowMeetings + one.OverflowMeetings,
                _sum.Calls + one.Calls,
                _sum.CallMinutes + one.CallMinutes,
                _sum.CallCost + one.CallCost);
            foreach (var participant in meeting.Participants)
            {
                _names.Add(participant.Name);
            }
        }

        public MeetingFigures Figures() => _sum with { DistinctNames = _names.Count };
    }
}
