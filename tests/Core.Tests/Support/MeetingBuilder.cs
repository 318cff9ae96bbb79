using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>
/// A <see cref="Meeting"/> as Core holds it, with plausible defaults: 09:00 on 2025-03-04 in Shanghai, an hour long,
/// in ROOM-A. Participant and call times are minutes from the start, so a test reads as a timeline.
/// </summary>
internal sealed class MeetingBuilder
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset Nine = new(2025, 3, 4, 9, 0, 0, Shanghai);

    private readonly List<Participant> _participants = [];
    private readonly List<TelephonyCall> _calls = [];
    private string _uuid = "dgvOvqWVRUWjrEOS2YI2ig==";
    private string _hostId = "ROOM-A";
    private string _topic = "Weekly review";
    private DateTimeOffset _start = Nine;
    private DateTimeOffset? _end = Nine.AddMinutes(60);
    private int _scheduled = 60;

    public static MeetingBuilder A(string uuid = "dgvOvqWVRUWjrEOS2YI2ig==") => new() { _uuid = uuid };

    public MeetingBuilder InRoom(string hostId)
    {
        _hostId = hostId;
        return this;
    }

    public MeetingBuilder About(string topic)
    {
        _topic = topic;
        return this;
    }

    /// <summary>Moves the start (and the end with it, keeping the length).</summary>
    public MeetingBuilder StartingAt(DateTimeOffset start)
    {
        _end = _end is { } end ? start + (end - _start) : null;
        _start = start;
        return this;
    }

    public MeetingBuilder Scheduled(int minutes)
    {
        _scheduled = minutes;
        return this;
    }

    public MeetingBuilder Lasting(double minutes)
    {
        _end = _start.AddMinutes(minutes);
        return this;
    }

    public MeetingBuilder StillRunning()
    {
        _end = null;
        return this;
    }

    /// <summary>One row of <paramref name="name"/>; <paramref name="leaveMinute"/> null = still connected.</summary>
    public MeetingBuilder With(string name, double joinMinute, double? leaveMinute)
    {
        _participants.Add(new Participant(name, _start.AddMinutes(joinMinute), leaveMinute is { } leave ? _start.AddMinutes(leave) : null));
        return this;
    }

    public MeetingBuilder WithCall(string phoneNumber, double fromMinute, double toMinute, int minutes, decimal cost, string type = "call-in")
    {
        _calls.Add(new TelephonyCall(phoneNumber, type, _start.AddMinutes(fromMinute), _start.AddMinutes(toMinute), minutes, cost));
        return this;
    }

    public Meeting Build() =>
        new(_uuid, _hostId, "1790001234", _topic, _start, _scheduled, _end, IsExtra: false, [.. _participants], [.. _calls]);
}
