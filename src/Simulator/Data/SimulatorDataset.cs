namespace UMeetingReports.Simulator.Data;

/// <summary>
/// The ground truth: every meeting the simulator holds, generated once from <see cref="SimulatorOptions.Seed"/>
/// and "today". The HTTP endpoints serve exactly these records, so tests compare what the app shows with this.
/// </summary>
public sealed class SimulatorDataset
{
    /// <summary>"Now" when <see cref="SimulatorOptions.Today"/> is fixed: mid-afternoon, when rooms are busiest.</summary>
    private static readonly TimeOnly FixedNow = new(15, 0);

    private readonly SimulatedMeeting[] _meetings;
    private readonly Dictionary<string, SimulatedMeeting[]> _meetingsByHost;
    private readonly Dictionary<string, SimulatedMeeting> _meetingsByUuid;
    private readonly Dictionary<string, IReadOnlyList<ScheduledMeeting>> _upcomingByHost;

    /// <param name="options">Read once; later changes to the object do not affect this data set.</param>
    /// <param name="timeProvider">Gives today and "now" when <see cref="SimulatorOptions.Today"/> is null.</param>
    public SimulatorDataset(SimulatorOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Rooms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);

        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        if (options.Today is { } today)
        {
            Today = today;
            Now = today.ToDateTime(FixedNow);
        }
        else
        {
            Now = TimeZoneInfo.ConvertTime((timeProvider ?? TimeProvider.System).GetUtcNow(), TimeZone).DateTime;
            Today = DateOnly.FromDateTime(Now);
        }

        FirstDay = Today.AddDays(1 - options.Days);

        var generator = new DatasetGenerator(options.Seed, options.Rooms, options.MeetingsPerRoomPerDay);
        var profiles = generator.CreateRooms();
        Rooms = profiles.Select(profile => profile.Room).ToArray();

        var meetings = new List<SimulatedMeeting>((int)(options.Days * options.Rooms * options.MeetingsPerRoomPerDay));
        for (var day = FirstDay; day <= Today; day = day.AddDays(1))
        {
            meetings.AddRange(generator.CreateDay(day, profiles, Now));
        }

        // The generator already yields days in order; sorting here keeps the order a promise of this class alone.
        meetings.Sort(static (a, b) => DatasetGenerator.CompareByStartThenUuid(a.Start, a.Uuid, b.Start, b.Uuid));
        _meetings = [.. meetings];
        _meetingsByHost = _meetings.GroupBy(meeting => meeting.HostId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
        _meetingsByUuid = _meetings.ToDictionary(meeting => meeting.Uuid, StringComparer.Ordinal);
        _upcomingByHost = profiles.Select((profile, index) => (profile, index)).ToDictionary(
            pair => pair.profile.Room.HostId,
            pair => (IReadOnlyList<ScheduledMeeting>)generator.CreateUpcoming(pair.profile, pair.index, Today),
            StringComparer.Ordinal);
    }

    /// <summary>The last day of data, in <see cref="TimeZone"/>.</summary>
    public DateOnly Today { get; }

    /// <summary>The first day of data: <see cref="Today"/> minus <see cref="SimulatorOptions.Days"/> − 1.</summary>
    public DateOnly FirstDay { get; }

    /// <summary>
    /// The wall-clock moment the data describes: meetings after it do not exist yet, meetings spanning it are
    /// still running. Fixed when the data set is built.
    /// </summary>
    public DateTime Now { get; }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyList<SimulatedRoom> Rooms { get; }

    /// <summary>Every meeting held, in the upstream's order.</summary>
    public IReadOnlyList<SimulatedMeeting> AllMeetings => _meetings;

    /// <summary>
    /// Meetings whose start date lies in [<paramref name="from"/>, <paramref name="to"/>], optionally of one room,
    /// in the upstream's order: start time ascending, then uuid (ordinal). No one-month cut applies here.
    /// </summary>
    public IReadOnlyList<SimulatedMeeting> MeetingsBetween(DateOnly from, DateOnly to, string? hostId = null)
    {
        if (to < from)
        {
            return [];
        }

        SimulatedMeeting[] source;
        if (hostId is null)
        {
            source = _meetings;
        }
        else if (!_meetingsByHost.TryGetValue(hostId, out source!))
        {
            return [];
        }

        var first = FirstStartingAtOrAfter(source, from.ToDateTime(TimeOnly.MinValue));
        var end = FirstStartingAtOrAfter(source, to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return new ArraySegment<SimulatedMeeting>(source, first, end - first);
    }

    public SimulatedMeeting? FindByUuid(string uuid) =>
        _meetingsByUuid.TryGetValue(uuid, out var meeting) ? meeting : null;

    internal IReadOnlyList<ScheduledMeeting> UpcomingMeetings(string hostId) =>
        _upcomingByHost.TryGetValue(hostId, out var upcoming) ? upcoming : [];

    private static int FirstStartingAtOrAfter(SimulatedMeeting[] meetings, DateTime moment)
    {
        int low = 0, high = meetings.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (meetings[middle].Start < moment)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
