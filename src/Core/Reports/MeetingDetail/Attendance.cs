using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.MeetingDetail;

/// <summary>
/// The arithmetic of who was in a meeting and when, shared by the meeting page and the participants report.
/// <list type="bullet">
/// <item>A row without a leave time is connected until the meeting's end, or "now" while the meeting runs.</item>
/// <item>A row that leaves before it joins is bad data: it counts as an instant at its join time, with a <see cref="DataFlaw"/>.</item>
/// <item>Rows of one name are one person; rows that overlap count once (interval union).</item>
/// <item>
/// Presence is half-open, [join, leave): someone who leaves at 10:00 is gone at 10:00, so back-to-back sessions
/// never count double. A row of no length (join = leave, times have one-second resolution) counts as present
/// at that instant: the person was there, however briefly, and the peak should not forget them.
/// </item>
/// </list>
/// People are grouped by their exact name and shown through a display function (which masks names that are
/// phone numbers), so two numbers that mask alike are still two people.
/// </summary>
internal static class Attendance
{
    /// <summary>The meeting's end, or now while it runs — never before the start (a bad end gives no length).</summary>
    public static DateTimeOffset MeasuredUntil(Meeting meeting, DateTimeOffset now)
    {
        var until = meeting.End ?? now;
        return until < meeting.Start ? meeting.Start : until;
    }

    /// <summary>
    /// Every row with the time it counts until. The flaws of bad rows go to <paramref name="flaws"/> when given, with
    /// names as <paramref name="displayName"/> shows them.
    /// </summary>
    public static List<Session> Sessions(Meeting meeting, DateTimeOffset until, Func<string, string> displayName, List<DataFlaw>? flaws)
    {
        if (flaws is not null && meeting.End is { } end && end < meeting.Start)
        {
            flaws.Add(new DataFlaw(DataFlawKind.EndBeforeStart, null, end, meeting.Start));
        }

        return Sessions(meeting.Participants, until, meeting.IsRunning, displayName, flaws);
    }

    /// <summary>
    /// The rows of a meeting that ended at <paramref name="end"/>, each with the time it counts until: what
    /// <see cref="Sessions(Meeting, DateTimeOffset, Func{string, string}, List{DataFlaw}?)"/> gives for such a meeting,
    /// for rows held apart from their meeting's record (the archive's sums of each name, written with a window).
    /// </summary>
    public static List<Session> EndedSessions(IEnumerable<Participant> rows, DateTimeOffset start, DateTimeOffset end) =>
        Sessions([.. rows], end < start ? start : end, running: false, static name => name, flaws: null);

    private static List<Session> Sessions(IReadOnlyList<Participant> rows, DateTimeOffset until, bool running, Func<string, string> displayName, List<DataFlaw>? flaws)
    {
        var sessions = new List<Session>(rows.Count);
        foreach (var row in rows)
        {
            if (row.LeaveTime is not { } leave)
            {
                var openEnd = row.JoinTime > until ? row.JoinTime : until;
                if (flaws is not null && !running)
                {
                    flaws.Add(new DataFlaw(DataFlawKind.NoLeaveTime, displayName(row.Name), row.JoinTime, openEnd));
                }

                sessions.Add(new Session(row.Name, row.JoinTime, openEnd, Open: true));
            }
            else if (leave < row.JoinTime)
            {
                flaws?.Add(new DataFlaw(DataFlawKind.LeftBeforeJoining, displayName(row.Name), row.JoinTime, leave));
                sessions.Add(new Session(row.Name, row.JoinTime, row.JoinTime, Open: false));
            }
            else
            {
                sessions.Add(new Session(row.Name, row.JoinTime, leave, Open: false));
            }
        }

        return sessions;
    }

    /// <summary>
    /// The rows grouped by exact name, each group's rows in join order, the groups ordered by first join, then
    /// display name, then exact name.
    /// </summary>
    public static IReadOnlyList<PersonRows> ByPerson(IReadOnlyList<Session> sessions, Func<string, string> displayName) =>
        sessions
            .GroupBy(session => session.Name, StringComparer.Ordinal)
            .Select(person => new PersonRows(person.Key, displayName(person.Key), [.. person.OrderBy(row => row.Join)]))
            .OrderBy(person => person.Rows[0].Join)
            .ThenBy(person => person.Shown, StringComparer.Ordinal)
            .ThenBy(person => person.Exact, StringComparer.Ordinal)
            .ToList();

    /// <summary>One person's line in a meeting that runs from <paramref name="start"/> to <paramref name="until"/>.</summary>
    public static PersonAttendance Attend(PersonRows person, DateTimeOffset start, DateTimeOffset until)
    {
        var rows = person.Rows;
        var length = until - start;
        var share = length > TimeSpan.Zero
            ? UnionLength(rows.Select(row => Clip(row, start, until))) / length
            : (double?)null;
        return new PersonAttendance(
            person.Shown,
            rows.Count,
            rows[0].Join,
            rows.Any(row => row.Open) ? null : rows.Max(row => row.End),
            rows.Max(row => row.End),
            UnionLength(rows.Select(row => (row.Join, row.End))),
            share,
            NameMasked: !string.Equals(person.Shown, person.Exact, StringComparison.Ordinal));
    }

    /// <summary>
    /// What <see cref="Attend"/> counts of each exact name in <paramref name="sessions"/> (sorted here, in place, by
    /// name and join), without the order of the people or their share of the meeting: for a report that sums people
    /// over many meetings. One pass over the sorted rows, nothing allocated but <paramref name="into"/>'s growth, where
    /// grouping, ordering and <see cref="Attend"/> allocated about 2 KB a person and meeting (bench/README.md, "A4").
    /// </summary>
    public static void SumByName(List<Session> sessions, List<PersonSum> into)
    {
        into.Clear();
        sessions.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : a.Join.CompareTo(b.Join);
        });

        var first = 0;
        while (first < sessions.Count)
        {
            var name = sessions[first].Name;
            var (count, open, lastSeen, union) = (0, false, sessions[first].End, new SortedUnion());
            for (var index = first; index < sessions.Count && string.Equals(sessions[index].Name, name, StringComparison.Ordinal); index++)
            {
                var row = sessions[index];
                count++;
                open |= row.Open;
                lastSeen = row.End > lastSeen ? row.End : lastSeen;
                union.Add(row.Join, row.End);
            }

            into.Add(new PersonSum(name, count, sessions[first].Join, lastSeen, open, union.Length));
            first += count;
        }
    }

    /// <summary>One person's bars, in minutes from <paramref name="start"/>.</summary>
    public static PersonTimeline Bars(PersonRows person, DateTimeOffset start) =>
        new(person.Shown, [.. person.Rows.Select(row => new TimelineBar(Minutes(row.Join - start), Minutes(row.End - start), row.Open))]);

    public static double Minutes(TimeSpan span) => Math.Round(span.TotalMinutes, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The most people present at once, by a sweep over join and leave events. The count is read once per instant,
    /// after every leave and join at it — as if leaves came first, so back-to-back sessions do not overlap — and the
    /// leaves of zero-length rows are applied only after that reading (they were present at that instant). A person
    /// with two rows open at once counts once. Ties: the first instant the peak is reached.
    /// </summary>
    public static PeakConcurrency? Peak(IReadOnlyList<Session> sessions)
    {
        if (sessions.Count == 0)
        {
            return null;
        }

        var events = new List<(DateTimeOffset Time, EventKind Kind, string Name)>(sessions.Count * 2);
        foreach (var session in sessions)
        {
            events.Add((session.Join, EventKind.Join, session.Name));
            events.Add((session.End, session.End > session.Join ? EventKind.Leave : EventKind.InstantLeave, session.Name));
        }

        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Kind.CompareTo(b.Kind));

        var connections = new Dictionary<string, int>(StringComparer.Ordinal);
        var (present, best, at, until, open) = (0, 0, default(DateTimeOffset), default(DateTimeOffset), false);
        var index = 0;
        while (index < events.Count)
        {
            var instant = events[index].Time;
            for (; index < events.Count && events[index].Time == instant && events[index].Kind != EventKind.InstantLeave; index++)
            {
                present += Apply(connections, events[index]);
            }

            if (present > best)
            {
                (best, at, open) = (present, instant, true);
            }

            for (; index < events.Count && events[index].Time == instant; index++)
            {
                present += Apply(connections, events[index]);
            }

            if (open && present < best)
            {
                (until, open) = (instant, false);
            }
        }

        return new PeakConcurrency(best, at, until);
    }

    /// <summary>Length of the union of the intervals: overlapping or touching ones count once.</summary>
    public static TimeSpan UnionLength(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var union = new SortedUnion();
        foreach (var (start, end) in intervals.Where(interval => interval.End > interval.Start).OrderBy(interval => interval.Start))
        {
            union.Add(start, end);
        }

        return union.Length;
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Clip(Session session, DateTimeOffset from, DateTimeOffset to) =>
        (session.Join < from ? from : session.Join, session.End > to ? to : session.End);

    /// <summary>Change in the number of people present: only a person's first open row and last closing row count.</summary>
    private static int Apply(Dictionary<string, int> connections, (DateTimeOffset Time, EventKind Kind, string Name) change)
    {
        connections.TryGetValue(change.Name, out var before);
        var after = change.Kind == EventKind.Join ? before + 1 : before - 1;
        connections[change.Name] = after;
        return (before, after) switch
        {
            (0, 1) => 1,
            (1, 0) => -1,
            _ => 0,
        };
    }

    /// <summary>Sorted so that, at one instant, the leaves of zero-length rows come after everything else.</summary>
    private enum EventKind
    {
        Leave,
        Join,
        InstantLeave,
    }

    /// <summary>
    /// The length of a union of intervals given in order of their starts: overlapping or touching ones count once, and
    /// one of no length counts nothing.
    /// </summary>
    private struct SortedUnion
    {
        private DateTimeOffset _runStart;
        private DateTimeOffset _runEnd;
        private bool _inRun;
        private TimeSpan _closed;

        public readonly TimeSpan Length => _inRun ? _closed + (_runEnd - _runStart) : _closed;

        public void Add(DateTimeOffset start, DateTimeOffset end)
        {
            if (end <= start)
            {
                return;
            }

            if (_inRun && start <= _runEnd)
            {
                _runEnd = end > _runEnd ? end : _runEnd;
                return;
            }

            if (_inRun)
            {
                _closed += _runEnd - _runStart;
            }

            (_runStart, _runEnd, _inRun) = (start, end, true);
        }
    }

    /// <summary>One row and the time it counts until (its leave, the meeting's end or now, or its join for a bad row).</summary>
    internal readonly record struct Session(string Name, DateTimeOffset Join, DateTimeOffset End, bool Open);

    /// <summary>
    /// One exact name's rows in one meeting, summed as <see cref="Attend"/> sums them: <see cref="Sessions"/> rows,
    /// the first join, the last time seen, whether a row is still open, and the union of the rows' time.
    /// </summary>
    internal readonly record struct PersonSum(string Exact, int Sessions, DateTimeOffset FirstJoin, DateTimeOffset LastSeen, bool StillConnected, TimeSpan ConnectedTime);

    /// <summary>The rows of one exact name (never empty), in join order, and the name as shown.</summary>
    internal sealed record PersonRows(string Exact, string Shown, IReadOnlyList<Session> Rows);
}
