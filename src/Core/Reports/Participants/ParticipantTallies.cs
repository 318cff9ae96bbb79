using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Participants;

/// <summary>
/// Each person's sums over a period's meetings (<see cref="PeriodSums"/>), kept while the archive holds the same
/// copies of the period's months. The months' completion times are part of the key, as for the meetings report's
/// kept pages, so a month written again is summed afresh. The sums come from the day names' sums (one grouped
/// statement over about 51,000 rows for 24 months of demo data, 0.1 s) rather than the 137,000 participant rows they
/// were once read from (0.8 s); paging, sorting or searching the same period would still run that statement again.
/// <list type="bullet">
/// <item>Not kept while a meeting of the period is still running: its people's connected time grows with the
/// clock.</item>
/// <item>The names are kept as the request shows them (phone numbers masked or not), so whether they are revealed is
/// part of the key.</item>
/// <item>The rooms are kept by host id and named at each request, from the room list of the moment.</item>
/// <item>At most <see cref="MaxNames"/> names are kept over every period (<see cref="KeptFigures"/>).</item>
/// </list>
/// </summary>
internal sealed class ParticipantTallies : IDisposable
{
    /// <summary>How many names are kept at most over every period (a name's sums are a few hundred bytes).</summary>
    internal const int MaxNames = 50_000;

    private readonly KeptFigures _sums = new(MaxNames);

    /// <summary>The kept sums of the period's months as held, else <paramref name="sum"/>'s (kept when no meeting is running).</summary>
    public async Task<PeriodSums> GetAsync(DatePeriod period, string? hostId, bool revealPhoneNumbers, ArchivedPeriod months, Func<Task<PeriodSums>> sum)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(sum);
        var key = new Key(period, string.IsNullOrEmpty(hostId) ? null : hostId, revealPhoneNumbers, months.Copies);
        if (_sums.TryGet(key, out PeriodSums? kept))
        {
            return kept;
        }

        var sums = await sum().ConfigureAwait(false);
        if (!sums.Running)
        {
            _sums.Keep(key, sums, sums.People.Count);
        }

        return sums;
    }

    public void Dispose() => _sums.Dispose();

    private sealed record Key(DatePeriod Period, string? HostId, bool RevealPhoneNumbers, string Copies);
}

/// <summary>
/// Every person's sums over the meetings of a period (of one room or all), by exact name, as they stand once every
/// meeting is read. <paramref name="Running"/>: a meeting of the period had not ended, so the sums hold only for now.
/// </summary>
internal sealed record PeriodSums(int Meetings, IReadOnlyList<PersonTally> People, bool Running);

/// <summary>One name's sums over a period; <see cref="Shown"/> is the name as the request shows it.</summary>
internal sealed record PersonTally(
    string Exact,
    string Shown,
    int Meetings,
    int Sessions,
    TimeSpan Connected,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    bool StillConnected,
    IReadOnlyList<string> HostIds)
{
    /// <summary>
    /// The rooms, named from <paramref name="roomList"/> and ordered by those names in the reader's order (then by
    /// host id), as every list of them shows them.
    /// </summary>
    public IReadOnlyList<(string HostId, string Name)> RoomsByName(RoomList roomList, TextOrder order)
    {
        ArgumentNullException.ThrowIfNull(roomList);
        ArgumentNullException.ThrowIfNull(order);
        return [.. HostIds
            .Select(hostId => (HostId: hostId, Name: roomList.NameOf(hostId)))
            .OrderBy(room => room.Name, order)
            .ThenBy(room => room.HostId, StringComparer.Ordinal)];
    }
}
