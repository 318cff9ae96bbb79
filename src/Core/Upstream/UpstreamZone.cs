namespace UMeetingReports.Core.Upstream;

/// <summary>
/// The zone the upstream writes its wall-clock times in (UMeeting:TimeZone). All "today" questions are
/// answered here, never on the server's own clock.
/// </summary>
public sealed class UpstreamZone(TimeZoneInfo zone, TimeProvider clock)
{
    public TimeZoneInfo TimeZone { get; } = zone;

    public string Id => TimeZone.Id;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>Attaches this zone's offset to a wall-clock time read from the upstream.</summary>
    public DateTimeOffset Attach(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, TimeZone.GetUtcOffset(unspecified));
    }

    /// <summary>Offset label for headers, e.g. "Asia/Shanghai (UTC+08:00)".</summary>
    public string Describe()
    {
        var offset = TimeZone.GetUtcOffset(Now);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{Id} (UTC{sign}{offset:hh\\:mm})";
    }
}
