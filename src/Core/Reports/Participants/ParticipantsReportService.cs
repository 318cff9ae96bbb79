using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Participants;

internal sealed class ParticipantsReportService(ArchiveReader archive, IRoomDirectory rooms, ParticipantTallies kept, UpstreamZone zone) : IParticipantsReportService
{
    public async Task<UpstreamResult<ParticipantsReport>> GetAsync(ParticipantsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageNumber, 1);

        var months = await archive.EnsureAsync(request.Period, progress: null, cancellationToken).ConfigureAwait(false);
        if (!months.Succeeded)
        {
            return UpstreamResult<ParticipantsReport>.Failed(months.Failure);
        }

        var search = new NameSearch(request.NameContains, request.RevealPhoneNumbers);
        var sums = await kept.GetAsync(request.Period, request.HostId, request.RevealPhoneNumbers, months.Value, () => SumAsync(request, search.Shown, cancellationToken))
            .ConfigureAwait(false);
        var roomList = await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false);
        var matching = sums.People
            .Where(person => search.MatchesShown(person.Shown))
            .Select(person => (person.Exact, Summary: ToSummary(person, roomList, request.TextOrder)))
            .ToList();
        matching.Sort(Order(request.Sort, request.Descending, request.TextOrder));

        var skip = (int)Math.Min(int.MaxValue, (long)(request.PageNumber - 1) * request.PageSize);
        var page = matching.Skip(skip).Take(request.PageSize).Select(row => row.Summary).ToList();
        return UpstreamResult<ParticipantsReport>.Success(
            new ParticipantsReport(request, sums.Meetings, matching.Count, page, roomList, zone.Describe()));
    }

    /// <summary>
    /// Every person's sums over the period's meetings (of the request's room or all), read from the archive: those of the
    /// ended meetings from the sums each day name carries (<see cref="RoomDayName"/>, written with its window), those of
    /// the meetings still running from their participant rows, counted up to now.
    /// </summary>
    private async Task<PeriodSums> SumAsync(ParticipantsRequest request, Func<string, string> shown, CancellationToken cancellationToken)
    {
        // One snapshot for the three statements: a month written again between them (a meeting that ended meanwhile)
        // would otherwise count that meeting's people twice, or not at all.
        var (endedSums, meetings, running) = await archive.InOneSnapshotAsync(
            async context =>
            {
                var ended = await ArchiveReader.DayNames(context, request.Period, request.HostId)
                    .Where(row => row.Meetings > 0)
                    .GroupBy(row => new { row.Name, row.HostId })
                    .Select(person => new EndedSums(
                        person.Key.Name,
                        person.Key.HostId,
                        person.Sum(row => row.Meetings),
                        person.Sum(row => row.Sessions),
                        person.Sum(row => row.ConnectedTicks),
                        person.Min(row => row.FirstJoin),
                        person.Max(row => row.LastSeen),
                        person.Max(row => row.StillConnected ? 1 : 0)))
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                var inPeriod = ArchiveReader.Meetings(context, request.Period, request.HostId);
                var count = await inPeriod.CountAsync(cancellationToken).ConfigureAwait(false);
                var stillRunning = await archive.ReadAsync(inPeriod.Where(meeting => meeting.End == null), MeetingParts.Participants, cancellationToken).ConfigureAwait(false);
                return (ended, count, stillRunning);
            },
            cancellationToken).ConfigureAwait(false);

        var tallies = new Dictionary<string, NameSums>(StringComparer.Ordinal);
        foreach (var person in endedSums)
        {
            TallyOf(person.Name).Add(
                person.Meetings,
                person.Sessions,
                TimeSpan.FromTicks(person.ConnectedTicks),
                zone.Attach(person.FirstJoin ?? throw Unsummed(person.Name)),
                zone.Attach(person.LastSeen ?? throw Unsummed(person.Name)),
                person.StillConnected == 1,
                person.HostId);
        }

        var now = zone.Now;
        var people = new List<Attendance.PersonSum>();
        foreach (var meeting in running)
        {
            Attendance.SumByName(Attendance.Sessions(meeting, Attendance.MeasuredUntil(meeting, now), shown, flaws: null), people);
            foreach (var person in people)
            {
                TallyOf(person.Exact).Add(person, meeting.HostId);
            }
        }

        // The name as shown is worked out once a person, not once a meeting.
        return new PeriodSums(meetings, [.. tallies.Select(pair => pair.Value.ToPerson(pair.Key, shown(pair.Key)))], running.Count > 0);

        NameSums TallyOf(string name)
        {
            if (!tallies.TryGetValue(name, out var tally))
            {
                tallies.Add(name, tally = new NameSums());
            }

            return tally;
        }
    }

    /// <summary>One name's sums over the ended meetings of one room in the period, as the database adds them up.</summary>
    private sealed record EndedSums(string Name, string HostId, int Meetings, int Sessions, long ConnectedTicks, DateTime? FirstJoin, DateTime? LastSeen, int StillConnected);

    /// <summary>A day name that counts meetings without their times: a defect of the archive's write, never shown as a figure.</summary>
    private static InvalidOperationException Unsummed(string name) =>
        new($"The archive's day names of \"{name}\" count meetings but hold no first or last time.");

    /// <summary>The person's line, the rooms named from the room list of the moment and sorted by those names.</summary>
    private static ParticipantSummary ToSummary(PersonTally person, RoomList roomList, TextOrder order)
    {
        var rooms = person.RoomsByName(roomList, order);
        var masked = !string.Equals(person.Exact, person.Shown, StringComparison.Ordinal);
        return new ParticipantSummary(
            person.Shown,
            person.Meetings,
            person.Sessions,
            person.Connected,
            person.FirstSeen,
            person.LastSeen,
            person.StillConnected,
            [.. rooms.Select(room => room.Name)],
            [.. rooms.Select(room => room.HostId)],
            masked);
    }

    /// <summary>
    /// The column asked (either way), then the name in the reader's order (<paramref name="names"/>), then the exact
    /// name (two numbers may mask alike).
    /// </summary>
    private static Comparison<(string Exact, ParticipantSummary Summary)> Order(ParticipantSort sort, bool descending, TextOrder names)
    {
        Comparison<ParticipantSummary> column = sort switch
        {
            ParticipantSort.Name => (a, b) => names.Compare(a.Name, b.Name),
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

            var byName = names.Compare(a.Summary.Name, b.Summary.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Exact, b.Exact);
        };
    }
}
