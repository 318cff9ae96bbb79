using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>
/// An <see cref="IMeetingReader"/> over meetings in memory, for services tested as plain objects. Like an upstream
/// that dropped <c>uuid</c> from its contract, it ignores <see cref="MeetingQuery.Uuid"/>: it filters by the period
/// (start date) and room only. Records every query, and fails every query whose period <see cref="FailWhen"/> picks.
/// </summary>
internal sealed class InMemoryMeetingReader(params IEnumerable<Meeting> meetings) : IMeetingReader
{
    private readonly IReadOnlyList<Meeting> _meetings = [.. meetings];
    private readonly ConcurrentQueue<MeetingQuery> _queries = new();

    public IReadOnlyList<MeetingQuery> Queries => [.. _queries];

    public Func<DatePeriod, UpstreamFailure?> FailWhen { get; init; } = _ => null;

    public Task<UpstreamResult<IReadOnlyList<Meeting>>> GetAllAsync(MeetingQuery query, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        _queries.Enqueue(query);
        if (FailWhen(query.Period) is { } failure)
        {
            return Task.FromResult(UpstreamResult<IReadOnlyList<Meeting>>.Failed(failure));
        }

        IReadOnlyList<Meeting> matching = [.. _meetings.Where(meeting =>
            query.Period.Contains(DateOnly.FromDateTime(meeting.Start.DateTime))
            && (query.HostId is null || meeting.HostId == query.HostId))];
        return Task.FromResult(UpstreamResult<IReadOnlyList<Meeting>>.Success(matching));
    }

    public async Task<UpstreamResult<MeetingPage>> GetPageAsync(MeetingQuery query, int pageSize, int pageNumber, CancellationToken cancellationToken)
    {
        var all = await GetAllAsync(query, progress: null, cancellationToken);
        return all.Succeeded
            ? UpstreamResult<MeetingPage>.Success(new MeetingPage(query, pageNumber, pageSize, all.Value.Count, [.. all.Value.Skip((pageNumber - 1) * pageSize).Take(pageSize)]))
            : UpstreamResult<MeetingPage>.Failed(all.Failure);
    }

    public async IAsyncEnumerable<Meeting> EnumerateAsync(MeetingQuery query, IProgress<GatherProgress>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = await GetAllAsync(query, progress, cancellationToken);
        if (!all.Succeeded)
        {
            throw new UpstreamException(all.Failure);
        }

        foreach (var meeting in all.Value)
        {
            yield return meeting;
        }
    }
}

/// <summary>A room directory that always answers with the same list.</summary>
internal sealed class FixedRoomDirectory(RoomList rooms) : IRoomDirectory
{
    public static FixedRoomDirectory Named(params (string HostId, string Name)[] rooms) =>
        new(new RoomList([.. rooms.Select(room => new Room(room.HostId, room.Name, Capacity: null))], IsKnown: true));

    public Task<RoomList> GetRoomsAsync(CancellationToken cancellationToken) => Task.FromResult(rooms);
}
