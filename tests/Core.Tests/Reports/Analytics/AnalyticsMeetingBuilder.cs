using System.Globalization;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

/// <summary>
/// A meeting as Core holds it after reading, for edge cases the simulator does not produce on demand. Times are
/// "yyyy-MM-dd HH:mm" wall-clock in Asia/Shanghai; tests change only what they are about.
/// </summary>
internal sealed class AnalyticsMeetingBuilder
{
    private static int _sequence;

    private readonly List<Participant> _participants = [];
    private readonly List<TelephonyCall> _calls = [];
    private readonly DateTimeOffset _start;
    private DateTimeOffset? _end;
    private string _hostId = "ROOM-A";
    private int _scheduledMinutes = 60;
    private bool _isExtra;

    private AnalyticsMeetingBuilder(DateTimeOffset start)
    {
        _start = start;
        _end = start.AddMinutes(45);
    }

    /// <summary>A 45-minute meeting in ROOM-A starting at <paramref name="start"/>.</summary>
    public static AnalyticsMeetingBuilder At(string start) => new(Time(start));

    public static DateTimeOffset Time(string wallClock) =>
        new(DateTime.ParseExact(wallClock, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), GroundTruth.Shanghai.BaseUtcOffset);

    public AnalyticsMeetingBuilder Until(string end)
    {
        _end = Time(end);
        return this;
    }

    public AnalyticsMeetingBuilder Running()
    {
        _end = null;
        return this;
    }

    public AnalyticsMeetingBuilder In(string hostId)
    {
        _hostId = hostId;
        return this;
    }

    public AnalyticsMeetingBuilder Overflow()
    {
        _isExtra = true;
        return this;
    }

    public AnalyticsMeetingBuilder Scheduled(int minutes)
    {
        _scheduledMinutes = minutes;
        return this;
    }

    public AnalyticsMeetingBuilder WithParticipant(string name, bool connected = false)
    {
        _participants.Add(new Participant(name, _start, connected ? null : _start.AddMinutes(10)));
        return this;
    }

    public AnalyticsMeetingBuilder WithCall(string phoneNumber, string type, int minutes, decimal cost, int startingAfterMinutes = 0)
    {
        var start = _start.AddMinutes(startingAfterMinutes);
        _calls.Add(new TelephonyCall(phoneNumber, type, start, start.AddMinutes(minutes), minutes, cost));
        return this;
    }

    public Meeting Build() => new(
        $"uuid-{Interlocked.Increment(ref _sequence)}+/==",
        _hostId,
        "1790001234",
        "Weekly review",
        _start,
        _scheduledMinutes,
        _end,
        _isExtra,
        [.. _participants],
        [.. _calls]);
}
