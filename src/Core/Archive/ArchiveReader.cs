using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>Which of a meeting's lists a report needs read back: the rest stay in the database.</summary>
[Flags]
internal enum MeetingParts
{
    None = 0,
    Participants = 1,
    Telephony = 2,
    All = Participants | Telephony,
}

/// <summary>
/// Reads meetings back out of the archive as the service gave them (<see cref="Meeting"/> records with the service's
/// zone attached), after making sure the period's months are there (<see cref="EnsureAsync"/>): a report that reads
/// through here answers from a complete copy of every month it touches, or with the failure that names the part of
/// its period that is missing. The service selects meetings by their start day; so does every query here.
/// </summary>
internal sealed class ArchiveReader(IArchivePeriods periods, ArchiveContext context, IDbContextFactory<ArchiveContext> contexts, UpstreamZone zone)
{
    /// <summary>Meetings per batch of a streamed read: a download holds one batch's participant rows at a time.</summary>
    private const int StreamBatch = 500;

    internal ArchiveContext Context => context;

    /// <summary>The period's months as held, reading the missing ones first (shared with any other reader of them).</summary>
    public async Task<UpstreamResult<ArchivedPeriod>> EnsureAsync(DatePeriod period, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        var held = await periods.HeldAsync(period, cancellationToken).ConfigureAwait(false);
        return held is not null
            ? UpstreamResult<ArchivedPeriod>.Success(held)
            : await periods.EnsureAsync(period, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The meetings that started in the period, of one room or all, of one record id or all.</summary>
    public IQueryable<ArchivedMeeting> Meetings(DatePeriod period, string? hostId = null, string? uuid = null) => MeetingsIn(context, period, hostId, uuid);

    /// <summary>
    /// Runs <paramref name="query"/> over the period's meetings (of one room or all) on a connection of its own, on the
    /// thread pool, so that it runs while this reader's context answers another query: a report whose statements do
    /// not depend on each other waits for the slowest of them, not for their sum. (SQLite's provider does its work
    /// synchronously inside its async methods, so without the thread pool the two would still take turns.) The period's
    /// months must be present already: nothing here reads the service.
    /// </summary>
    public Task<T> BesideAsync<T>(DatePeriod period, string? hostId, Func<IQueryable<ArchivedMeeting>, Task<T>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return OnOwnConnectionAsync(own => query(MeetingsIn(own, period, hostId, uuid: null)), cancellationToken);
    }

    /// <summary>
    /// As <see cref="BesideAsync{T}"/>, over the distinct (day, room, name) triples of the period's meetings (of one room
    /// or all) instead of the meetings: the names that joined them, without reading their participant rows.
    /// </summary>
    public Task<T> DayNamesBesideAsync<T>(DatePeriod period, string? hostId, Func<IQueryable<RoomDayName>, Task<T>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return OnOwnConnectionAsync(own => query(DayNamesIn(own, period, hostId)), cancellationToken);
    }

    /// <summary>The distinct (day, room, name) triples of the meetings that started in the period, of one room or all.</summary>
    public IQueryable<RoomDayName> DayNames(DatePeriod period, string? hostId = null) => DayNamesIn(context, period, hostId);

    /// <summary>
    /// Runs <paramref name="query"/> on a context and connection of its own, on the thread pool, as
    /// <see cref="BesideAsync{T}"/> does, for a query over more than the period's meetings (the meetings report's
    /// search and person).
    /// </summary>
    public Task<T> OnOwnConnectionAsync<T>(Func<ArchiveContext, Task<T>> query, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                await using var own = contexts.CreateDbContext();
                return await query(own).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="query"/> on a context and connection of its own inside one read transaction, so that all
    /// its statements see the archive as one moment left it: a month written again between two of them (the current
    /// month's refresh, a meeting that ended meanwhile) cannot make one statement read the old copy and the next the
    /// new. On SQLite a deferred transaction, which takes no write lock (the writer goes on; this reader keeps its
    /// snapshot of the log); on PostgreSQL REPEATABLE READ, whose statements share one snapshot.
    /// </summary>
    public Task<T> InOneSnapshotAsync<T>(Func<ArchiveContext, Task<T>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return OnOwnConnectionAsync(
            async own =>
            {
                await own.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = own.Database.GetDbConnection() is SqliteConnection sqlite
                    ? await own.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), cancellationToken).ConfigureAwait(false)
                    : await own.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
                var result = await query(own).ConfigureAwait(false);
                await transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            },
            cancellationToken);
    }

    /// <summary>The meetings that started in the period, of one room or all, on <paramref name="context"/> (<see cref="InOneSnapshotAsync"/>'s).</summary>
    public static IQueryable<ArchivedMeeting> Meetings(ArchiveContext context, DatePeriod period, string? hostId) => MeetingsIn(context, period, hostId, uuid: null);

    /// <summary>The distinct (day, room, name) triples of the period's meetings on <paramref name="context"/>.</summary>
    public static IQueryable<RoomDayName> DayNames(ArchiveContext context, DatePeriod period, string? hostId) => DayNamesIn(context, period, hostId);

    private static IQueryable<RoomDayName> DayNamesIn(ArchiveContext context, DatePeriod period, string? hostId)
    {
        var (from, to) = (period.From, period.To);
        var names = context.RoomDayNames.AsNoTracking().Where(row => row.Day >= from && row.Day <= to);
        return string.IsNullOrEmpty(hostId) ? names : names.Where(row => row.HostId == hostId);
    }

    private static IQueryable<ArchivedMeeting> MeetingsIn(ArchiveContext context, DatePeriod period, string? hostId, string? uuid)
    {
        var (from, until) = Bounds(period);
        var meetings = context.Meetings.AsNoTracking().Where(meeting => meeting.Start >= from && meeting.Start < until);
        if (!string.IsNullOrEmpty(hostId))
        {
            meetings = meetings.Where(meeting => meeting.HostId == hostId);
        }

        if (!string.IsNullOrEmpty(uuid))
        {
            meetings = meetings.Where(meeting => meeting.Uuid == uuid);
        }

        return meetings;
    }

    /// <summary>The wall-clock bounds of a period's start days: from its first midnight to the midnight after it.</summary>
    public static (DateTime From, DateTime Until) Bounds(DatePeriod period) =>
        (period.From.ToDateTime(TimeOnly.MinValue), period.To.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// The meetings as the service's records, months oldest first and the service's order inside each (the order the
    /// live reader gave them), with the <paramref name="parts"/> asked for (the other lists are empty).
    /// </summary>
    public async Task<List<Meeting>> ReadAsync(IQueryable<ArchivedMeeting> meetings, MeetingParts parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var heads = await meetings
            .OrderBy(meeting => meeting.WindowMonth).ThenBy(meeting => meeting.WindowPosition)
            .Select(meeting => new Head(meeting.Uuid, meeting.HostId, meeting.MeetingId, meeting.Topic, meeting.Start, meeting.ScheduledMinutes, meeting.End, meeting.IsExtra))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (heads.Count == 0)
        {
            return [];
        }

        var participants = parts.HasFlag(MeetingParts.Participants)
            ? await ParticipantsAsync(meetings, cancellationToken).ConfigureAwait(false)
            : null;
        var telephony = parts.HasFlag(MeetingParts.Telephony)
            ? await TelephonyAsync(meetings, cancellationToken).ConfigureAwait(false)
            : null;
        return [.. heads.Select(head => ToMeeting(head, participants, telephony))];
    }

    /// <summary>
    /// Every meeting of the query (its period's months made present first), with the lists its show_ flags ask for;
    /// or the failure that names the part of the period that is missing. What the live reader's GetAllAsync was.
    /// </summary>
    public async Task<UpstreamResult<IReadOnlyList<Meeting>>> GetAllAsync(MeetingQuery query, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ensured = await EnsureAsync(query.Period, progress, cancellationToken).ConfigureAwait(false);
        if (!ensured.Succeeded)
        {
            return UpstreamResult<IReadOnlyList<Meeting>>.Failed(ensured.Failure);
        }

        var meetings = await ReadAsync(Meetings(query.Period, query.HostId, query.Uuid), PartsOf(query), cancellationToken).ConfigureAwait(false);
        return UpstreamResult<IReadOnlyList<Meeting>>.Success(meetings);
    }

    /// <summary>
    /// Every meeting of the query, as <see cref="ReadAsync"/> orders them, read in batches so that a download of a long
    /// period never holds it whole. The months are made present first; one that cannot be read throws
    /// <see cref="UpstreamException"/> before any meeting is given, so a partial sequence is never mistaken for the whole.
    /// </summary>
    public IAsyncEnumerable<Meeting> EnumerateAsync(MeetingQuery query, IProgress<GatherProgress>? progress, CancellationToken cancellationToken) =>
        EnumerateAsync(query, narrowed: null, ordered: null, progress, cancellationToken);

    /// <summary>
    /// As <see cref="EnumerateAsync(MeetingQuery, IProgress{GatherProgress}?, CancellationToken)"/>, giving only
    /// <paramref name="narrowed"/>, in <paramref name="ordered"/>'s order. The order is the database's (the keys are
    /// read in it, then the meetings a batch at a time, each batch given in its keys' order), so that memory holds the
    /// keys and one batch whatever the period.
    /// </summary>
    /// <param name="narrowed">
    /// Meetings of this reader's context within the query's period (the meetings report's filters,
    /// <see cref="Reports.Meetings.MeetingsQuery.Filtered(ArchiveContext, MeetingQuery, string?, string?, IReadOnlyCollection{string})"/>);
    /// null for the query's period, room and record.
    /// </param>
    /// <param name="ordered">
    /// Puts the meetings of this reader's context in an order, once the period's months are present (the meetings
    /// report's, <see cref="Reports.Meetings.MeetingOrdering"/>); null for the archive's order, as <see cref="ReadAsync"/> gives it.
    /// </param>
    public async IAsyncEnumerable<Meeting> EnumerateAsync(
        MeetingQuery query,
        IQueryable<ArchivedMeeting>? narrowed,
        Func<IQueryable<ArchivedMeeting>, CancellationToken, Task<IQueryable<ArchivedMeeting>>>? ordered,
        IProgress<GatherProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reported = new Reported(progress);
        var ensured = await EnsureAsync(query.Period, reported, cancellationToken).ConfigureAwait(false);
        if (!ensured.Succeeded)
        {
            throw new UpstreamException(ensured.Failure);
        }

        var parts = PartsOf(query);
        var meetings = narrowed ?? Meetings(query.Period, query.HostId, query.Uuid);
        var inOrder = ordered is null
            ? meetings.OrderBy(meeting => meeting.WindowMonth).ThenBy(meeting => meeting.WindowPosition)
            : await ordered(meetings, cancellationToken).ConfigureAwait(false);
        var keys = await inOrder
            .Select(meeting => meeting.Uuid)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!reported.Any)
        {
            // Every month was there already: all of them are done, no page was needed.
            progress?.Report(new GatherProgress(ensured.Value.Months.Count, ensured.Value.Months.Count, 0, 0, keys.Count));
        }

        for (var first = 0; first < keys.Count; first += StreamBatch)
        {
            var batch = keys.GetRange(first, Math.Min(StreamBatch, keys.Count - first));
            var read = await ReadAsync(context.Meetings.AsNoTracking().Where(meeting => batch.Contains(meeting.Uuid)), parts, cancellationToken).ConfigureAwait(false);

            // The batch comes back in the archive's order; it is given in its keys', which may be another.
            var place = new Dictionary<string, int>(batch.Count, StringComparer.Ordinal);
            for (var index = 0; index < batch.Count; index++)
            {
                place[batch[index]] = index;
            }

            read.Sort((one, other) => place[one.Uuid].CompareTo(place[other.Uuid]));
            foreach (var meeting in read)
            {
                yield return meeting;
            }

            // Each batch is a fresh set of rows: nothing is tracked, and the participant lists go with the batch.
            context.ChangeTracker.Clear();
        }
    }

    private static MeetingParts PartsOf(MeetingQuery query) =>
        (query.ShowParticipants ? MeetingParts.Participants : MeetingParts.None)
        | (query.ShowTelephonyUsage ? MeetingParts.Telephony : MeetingParts.None);

    private async Task<Dictionary<string, List<Participant>>> ParticipantsAsync(IQueryable<ArchivedMeeting> meetings, CancellationToken cancellationToken)
    {
        var rows = await meetings
            .SelectMany(meeting => meeting.Participants)
            .OrderBy(session => session.MeetingUuid).ThenBy(session => session.Position)
            .Select(session => new { session.MeetingUuid, session.Name, session.JoinTime, session.LeaveTime })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var lists = new Dictionary<string, List<Participant>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!lists.TryGetValue(row.MeetingUuid, out var list))
            {
                lists.Add(row.MeetingUuid, list = []);
            }

            list.Add(new Participant(row.Name, zone.Attach(row.JoinTime), row.LeaveTime is { } leave ? zone.Attach(leave) : null));
        }

        return lists;
    }

    private async Task<Dictionary<string, List<TelephonyCall>>> TelephonyAsync(IQueryable<ArchivedMeeting> meetings, CancellationToken cancellationToken)
    {
        var rows = await meetings
            .SelectMany(meeting => meeting.Telephony)
            .OrderBy(leg => leg.MeetingUuid).ThenBy(leg => leg.Position)
            .Select(leg => new { leg.MeetingUuid, leg.PhoneNumber, leg.Type, leg.StartTime, leg.EndTime, leg.Minutes, leg.Cost })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var lists = new Dictionary<string, List<TelephonyCall>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!lists.TryGetValue(row.MeetingUuid, out var list))
            {
                lists.Add(row.MeetingUuid, list = []);
            }

            list.Add(new TelephonyCall(row.PhoneNumber, row.Type, zone.Attach(row.StartTime), row.EndTime is { } end ? zone.Attach(end) : null, row.Minutes, row.Cost));
        }

        return lists;
    }

    private Meeting ToMeeting(Head head, Dictionary<string, List<Participant>>? participants, Dictionary<string, List<TelephonyCall>>? telephony) =>
        new(
            head.Uuid,
            head.HostId,
            head.MeetingId,
            head.Topic,
            zone.Attach(head.Start),
            head.ScheduledMinutes,
            head.End is { } end ? zone.Attach(end) : null,
            head.IsExtra,
            participants is not null && participants.TryGetValue(head.Uuid, out var people) ? people : [],
            telephony is not null && telephony.TryGetValue(head.Uuid, out var calls) ? calls : []);

    /// <summary>Passes progress on, remembering whether any came.</summary>
    private sealed class Reported(IProgress<GatherProgress>? inner) : IProgress<GatherProgress>
    {
        public bool Any { get; private set; }

        public void Report(GatherProgress value)
        {
            Any = true;
            inner?.Report(value);
        }
    }

    private sealed record Head(string Uuid, string HostId, string MeetingId, string Topic, DateTime Start, int ScheduledMinutes, DateTime? End, bool IsExtra);
}
