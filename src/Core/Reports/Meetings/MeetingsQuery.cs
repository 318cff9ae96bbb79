using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Meetings;

/// <summary>
/// The meetings report's query over the archive: filters, order, count and one page, all in the database; the page's
/// rows are projected to what the table shows (the per-meeting totals the archive wrote, never the participant rows).
/// </summary>
internal static class MeetingsQuery
{
    /// <summary>The escape character of the LIKE patterns built here.</summary>
    private const string Escape = "\\";

    /// <summary>How many meetings the request's filters match (its page and order aside).</summary>
    /// <param name="matchingRooms">Host ids whose room name contains the search (the room list's names and the archive's).</param>
    public static Task<int> CountAsync(ArchiveContext context, MeetingsRequest request, IReadOnlyCollection<string> matchingRooms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return Filtered(context, request, matchingRooms).CountAsync(cancellationToken);
    }

    /// <summary>The request's page of the <paramref name="total"/> meetings its filters match.</summary>
    /// <param name="matchingRooms">Host ids whose room name contains the search (the room list's names and the archive's).</param>
    /// <param name="ordering">The request's order, prepared on <paramref name="context"/> (<see cref="MeetingOrdering.PrepareAsync"/>).</param>
    public static async Task<List<ArchivedRow>> PageAsync(
        ArchiveContext context,
        MeetingsRequest request,
        int total,
        IReadOnlyCollection<string> matchingRooms,
        MeetingOrdering ordering,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ordering);
        var skip = (int)Math.Min(int.MaxValue, (long)(request.PageNumber - 1) * request.PageSize);
        return total <= skip
            ? []
            : await ordering.Apply(context, Filtered(context, request, matchingRooms))
                .Skip(skip)
                .Take(request.PageSize)
                .Select(meeting => new ArchivedRow(
                    meeting.Uuid,
                    meeting.HostId,
                    meeting.Room!.Name,
                    meeting.MeetingId,
                    meeting.Topic,
                    meeting.Start,
                    meeting.End,
                    meeting.ScheduledMinutes,
                    meeting.ActualMinutes,
                    meeting.IsExtra,
                    meeting.DistinctParticipants,
                    meeting.PhoneMinutes,
                    meeting.PhoneCost))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every room's host id, the room list's names before the archive's, in the reader's order of their names (<paramref name="order"/>).</summary>
    public static async Task<IReadOnlyList<string>> RoomsByNameAsync(ArchiveContext context, RoomList rooms, TextOrder order, CancellationToken cancellationToken)
    {
        var archived = await context.Rooms.AsNoTracking()
            .Where(room => room.Name != null)
            .Select(room => new { room.HostId, room.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = archived.ToDictionary(room => room.HostId, room => room.Name!, StringComparer.Ordinal);
        foreach (var room in rooms.Rooms)
        {
            names[room.HostId] = room.Name;
        }

        return [.. names.OrderBy(room => room.Value, order).ThenBy(room => room.Key, StringComparer.Ordinal).Select(room => room.Key)];
    }

    /// <summary>Host ids whose name contains <paramref name="search"/>, case-insensitively, in the room list or the archive's rooms.</summary>
    public static async Task<IReadOnlyCollection<string>> RoomsNamedAsync(ArchiveContext context, RoomList rooms, string? search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(search))
        {
            return [];
        }

        var lower = search.ToLowerInvariant();

        // The rooms table is one row per room: its names are compared here, as the room list's are, with .NET's
        // invariant lower case (a database's lower() knows only ASCII on SQLite).
        var archived = await context.Rooms.AsNoTracking()
            .Where(room => room.Name != null)
            .Select(room => new { room.HostId, room.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rooms.Rooms.Where(room => room.Name.ToLowerInvariant().Contains(lower, StringComparison.Ordinal)).Select(room => room.HostId)
            .Concat(archived.Where(room => room.Name!.ToLowerInvariant().Contains(lower, StringComparison.Ordinal)).Select(room => room.HostId))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The meetings the request's filters match, in no order.</summary>
    internal static IQueryable<ArchivedMeeting> Filtered(ArchiveContext context, MeetingsRequest request, IReadOnlyCollection<string> matchingRooms) =>
        Filtered(context, request.Query, request.Participant, request.Search, matchingRooms);

    /// <summary>
    /// The meetings the report lists for <paramref name="query"/>, <paramref name="search"/> and
    /// <paramref name="participant"/> (either null for all), the rooms the search names looked up first: what its KPIs,
    /// its months, its downloads and their planning count.
    /// </summary>
    /// <param name="rooms">The room list, whose names the search finds rooms by (the archive's names too).</param>
    internal static async Task<IQueryable<ArchivedMeeting>> ListedAsync(
        ArchiveContext context, RoomList rooms, MeetingQuery query, string? search, string? participant, CancellationToken cancellationToken)
    {
        var named = await RoomsNamedAsync(context, rooms, search, cancellationToken).ConfigureAwait(false);
        return Filtered(context, query, participant, search, named);
    }

    /// <summary>As <see cref="ListedAsync(ArchiveContext, RoomList, MeetingQuery, string?, string?, CancellationToken)"/>, for an analytics filter's period, room, search and person.</summary>
    internal static Task<IQueryable<ArchivedMeeting>> ListedAsync(ArchiveContext context, RoomList rooms, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        ListedAsync(context, rooms, new MeetingQuery(filter.Period, filter.HostId), filter.Search, filter.Participant, cancellationToken);

    /// <summary>
    /// The meetings of the query's period (its room, its record) that <paramref name="participant"/> (an exact display
    /// name) joined and that match <paramref name="search"/>, either left out for all; in no order. The report's and
    /// its downloads' one definition of "the meetings on screen".
    /// </summary>
    /// <param name="matchingRooms">Host ids whose room name contains the search (<see cref="RoomsNamedAsync"/>).</param>
    internal static IQueryable<ArchivedMeeting> Filtered(ArchiveContext context, MeetingQuery query, string? participant, string? search, IReadOnlyCollection<string> matchingRooms)
    {
        var (from, until) = (query.Period.From.ToDateTime(TimeOnly.MinValue), query.Period.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var meetings = context.Meetings.AsNoTracking().Where(meeting => meeting.Start >= from && meeting.Start < until);
        if (!string.IsNullOrEmpty(query.HostId))
        {
            var hostId = query.HostId;
            meetings = meetings.Where(meeting => meeting.HostId == hostId);
        }

        if (!string.IsNullOrEmpty(query.Uuid))
        {
            var uuid = query.Uuid;
            meetings = meetings.Where(meeting => meeting.Uuid == uuid);
        }

        if (!string.IsNullOrEmpty(participant))
        {
            // uuid IN (the name's sessions' meetings), not EXISTS per meeting: SQLite, which keeps no statistics, ran the
            // correlated form through the name index once per meeting of the period (every session of the name each
            // time), 4.3 s for one person over three months of demo data against 17 ms for this form.
            var joined = context.ParticipantSessions.Where(session => session.Name == participant).Select(session => session.MeetingUuid);
            meetings = meetings.Where(meeting => joined.Contains(meeting.Uuid));
        }

        if (!string.IsNullOrEmpty(search))
        {
            meetings = meetings.Where(Matches(context, search, matchingRooms));
        }

        return meetings;
    }

    /// <summary>A meeting ID that starts with the search, a topic that contains it, a room named so, or the record id itself (its "+" arrived as a space or not).</summary>
    private static Expression<Func<ArchivedMeeting, bool>> Matches(ArchiveContext context, string search, IReadOnlyCollection<string> matchingRooms)
    {
        var topicPattern = "%" + EscapeLike(search.ToLowerInvariant()) + "%";
        var rooms = matchingRooms.ToList();

        // A record id pasted into an address unencoded arrives with its "+" as a space; a record id holds no space.
        var record = search.Replace(' ', '+');
        if (context is SqliteArchiveContext)
        {
            // A range, so that SQLite's index on meeting_id serves the prefix (its LIKE is case-insensitive and skips
            // the index). U+FFFF sorts after every character a meeting ID holds.
            var (low, high) = (search, search + '\uffff');

            // string.Compare becomes SQL's < and >=, which compare with the column's collation (binary on SQLite).
#pragma warning disable CA1309
            return meeting => (string.Compare(meeting.MeetingId, low) >= 0 && string.Compare(meeting.MeetingId, high) < 0)
                || EF.Functions.Like(meeting.TopicSearch, topicPattern, Escape)
                || rooms.Contains(meeting.HostId)
                || meeting.Uuid == record;
#pragma warning restore CA1309
        }

        // PostgreSQL: the text_pattern_ops index serves LIKE 'prefix%', the trigram index LIKE '%part%'.
        var prefixPattern = EscapeLike(search) + "%";
        return meeting => EF.Functions.Like(meeting.MeetingId, prefixPattern, Escape)
            || EF.Functions.Like(meeting.TopicSearch, topicPattern, Escape)
            || rooms.Contains(meeting.HostId)
            || meeting.Uuid == record;
    }

    /// <summary>
    /// The meetings in <paramref name="ordering"/>'s order, ties by record id: the one definition of the report's order,
    /// which its pages and its downloads both follow.
    /// </summary>
    internal static IOrderedQueryable<ArchivedMeeting> Ordered(ArchiveContext context, IQueryable<ArchivedMeeting> meetings, MeetingOrdering ordering)
    {
        var (sort, descending) = (ordering.Order.Sort, ordering.Order.Descending);
        var topicCollation = ordering.TopicCollation;
        var ordered = sort switch
        {
            MeetingSort.StartTime => By(meetings, meeting => meeting.Start, descending),
            MeetingSort.EndTime => RunningLast(meetings, meeting => meeting.End == null, meeting => meeting.End, descending),
            MeetingSort.Room => By(meetings, RoomRank(ordering.RoomsByName), descending).ThenBy(meeting => meeting.HostId),
            MeetingSort.MeetingId => By(meetings, meeting => meeting.MeetingId, descending),
            MeetingSort.Topic when topicCollation is not null => By(meetings, meeting => EF.Functions.Collate(meeting.Topic, topicCollation), descending),
            MeetingSort.Topic => By(meetings, meeting => meeting.Topic, descending),
            MeetingSort.Duration => By(meetings, meeting => meeting.ScheduledMinutes, descending),
            MeetingSort.ActualMinutes => RunningLast(meetings, meeting => meeting.ActualMinutes == null, meeting => meeting.ActualMinutes, descending),
            MeetingSort.Participants => By(meetings, meeting => meeting.DistinctParticipants, descending),
            MeetingSort.PhoneMinutes => By(meetings, meeting => meeting.PhoneMinutes, descending),

            // SQLite keeps a decimal as text, which would sort "10.5" before "9.2": compared as a number there.
            MeetingSort.PhoneCost when context is SqliteArchiveContext => By(meetings, meeting => (double)meeting.PhoneCost, descending),
            MeetingSort.PhoneCost => By(meetings, meeting => meeting.PhoneCost, descending),
            _ => throw new ArgumentOutOfRangeException(nameof(ordering), sort, "Not a column of the meetings report."),
        };

        // Record ids in ordinal order whatever the database's collation ("C" on PostgreSQL; SQLite's is binary).
        return context is SqliteArchiveContext
            ? ordered.ThenBy(meeting => meeting.Uuid)
            : ordered.ThenBy(meeting => EF.Functions.Collate(meeting.Uuid, "C"));
    }

    /// <summary>
    /// A room's place among the names shown (CASE host_id WHEN … THEN 0 …): the names come from the room list as much as
    /// from the archive, so they are ranked here, and a room without a name comes after every named one.
    /// </summary>
    private static Expression<Func<ArchivedMeeting, int>> RoomRank(IReadOnlyList<string> roomsByName)
    {
        var meeting = Expression.Parameter(typeof(ArchivedMeeting), "meeting");
        var hostId = Expression.Property(meeting, nameof(ArchivedMeeting.HostId));
        Expression rank = Expression.Constant(roomsByName.Count);
        for (var index = roomsByName.Count - 1; index >= 0; index--)
        {
            rank = Expression.Condition(Expression.Equal(hostId, Expression.Constant(roomsByName[index])), Expression.Constant(index), rank);
        }

        return Expression.Lambda<Func<ArchivedMeeting, int>>(rank, meeting);
    }

    private static IOrderedQueryable<ArchivedMeeting> By<TKey>(IQueryable<ArchivedMeeting> meetings, Expression<Func<ArchivedMeeting, TKey>> key, bool descending) =>
        descending ? meetings.OrderByDescending(key) : meetings.OrderBy(key);

    /// <summary>
    /// A running meeting has no end yet: it counts as ending after every ended one (last going up, first going down),
    /// on both databases alike (SQLite would put nulls first, PostgreSQL last).
    /// </summary>
    private static IOrderedQueryable<ArchivedMeeting> RunningLast<TKey>(
        IQueryable<ArchivedMeeting> meetings, Expression<Func<ArchivedMeeting, bool>> running, Expression<Func<ArchivedMeeting, TKey>> key, bool descending) =>
        descending ? meetings.OrderByDescending(running).ThenByDescending(key) : meetings.OrderBy(running).ThenBy(key);

    private static string EscapeLike(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
}

/// <summary>
/// An order of the meetings report (<see cref="MeetingOrder"/>) with what the database needs besides the column: the
/// rooms ranked by their names in the reader's language (an order by room), or the collation of that language (an
/// order by topic). Prepared once per context, then applied to its queries (<see cref="Apply"/>).
/// </summary>
/// <param name="RoomsByName">Every host id named in the room list or the archive, in the reader's order of their names; empty unless ordered by room.</param>
/// <param name="TopicCollation">The database's collation of the reader's order (<see cref="ReaderCollations"/>), for an order by topic; null: the database's own order.</param>
internal sealed record MeetingOrdering(MeetingOrder Order, IReadOnlyList<string> RoomsByName, string? TopicCollation)
{
    /// <summary>
    /// <paramref name="order"/> made ready on <paramref name="context"/>: the room names looked up for an order by room,
    /// the collation of <paramref name="names"/> prepared for an order by topic (on SQLite this keeps the context's
    /// connection open, with the collation registered on it).
    /// </summary>
    public static async Task<MeetingOrdering> PrepareAsync(
        ArchiveContext context, RoomList rooms, MeetingOrder order, TextOrder names, ReaderCollations collations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(collations);
        var roomsByName = order.Sort == MeetingSort.Room ? await MeetingsQuery.RoomsByNameAsync(context, rooms, names, cancellationToken).ConfigureAwait(false) : [];
        var topicCollation = order.Sort == MeetingSort.Topic ? await collations.PrepareAsync(context, names, cancellationToken).ConfigureAwait(false) : null;
        return new MeetingOrdering(order, roomsByName, topicCollation);
    }

    /// <summary><paramref name="meetings"/> (of <paramref name="context"/>, the one it was prepared on) in this order, ties by record id.</summary>
    public IOrderedQueryable<ArchivedMeeting> Apply(ArchiveContext context, IQueryable<ArchivedMeeting> meetings) => MeetingsQuery.Ordered(context, meetings, this);
}

/// <summary>One meeting of a page as the query reads it; times are the service's wall-clock values.</summary>
internal sealed record ArchivedRow(
    string Uuid,
    string HostId,
    string? ArchivedRoomName,
    string MeetingId,
    string Topic,
    DateTime Start,
    DateTime? End,
    int ScheduledMinutes,
    int? ActualMinutes,
    bool IsExtra,
    int Participants,
    int PhoneMinutes,
    decimal PhoneCost);
