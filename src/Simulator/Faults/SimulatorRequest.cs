namespace UMeetingReports.Simulator.Faults;

/// <summary>
/// One request as the simulator understood it, without credentials. <paramref name="Path"/> is the endpoint's
/// own path (<c>/umeeting/share/detail</c> or <c>/umeeting/share/rooms</c>) whatever prefix it is mapped under.
/// <paramref name="From"/>/<paramref name="To"/> are as asked (null when absent or unreadable), before defaults
/// and the one-month cut. <paramref name="PageSize"/>/<paramref name="PageNumber"/> are the defaults (30, 1)
/// when absent, 0 when unreadable, and 0 for the rooms endpoint.
/// </summary>
public sealed record SimulatorRequest(
    string Path,
    DateOnly? From,
    DateOnly? To,
    string? HostId,
    string? Uuid,
    bool ShowParticipants,
    bool ShowTelephonyUsage,
    int PageSize,
    int PageNumber,
    DateTimeOffset ReceivedAt);
