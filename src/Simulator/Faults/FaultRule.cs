namespace UMeetingReports.Simulator.Faults;

/// <summary>What a misbehaving upstream does to one request.</summary>
public enum FaultKind
{
    /// <summary>Answer normally after <see cref="FaultRule.Delay"/> (default 500 ms). Combines with any other fault.</summary>
    Latency,

    /// <summary>HTTP <see cref="FaultRule.Status"/> (default 503) with an HTML body, as a proxy in front of the service would.</summary>
    ServerError,

    /// <summary>Hang for <see cref="FaultRule.Delay"/> (default 100 s), then answer normally; ends early when the caller gives up.</summary>
    Timeout,

    /// <summary>HTTP 200, application/json, but the body is cut off half way.</summary>
    MalformedJson,

    /// <summary>HTTP 200 with an envelope whose status is <see cref="FaultRule.Status"/> (default 500) and <see cref="FaultRule.Message"/>.</summary>
    Rejected,

    /// <summary>HTTP 429 with a Retry-After header of <see cref="FaultRule.RetryAfterSeconds"/> (default 1).</summary>
    TooManyRequests,

    /// <summary>
    /// Answer for a shorter period than asked and echo its later <c>from</c>. A one-day period cannot be shorter,
    /// so its echo names the following day as <c>from</c>: the echo differs from the request either way.
    /// </summary>
    CutShortEcho,

    /// <summary>An empty <c>meetings</c> array while the totals still count the real records.</summary>
    EmptyPage,

    /// <summary>
    /// A well-formed answer with no meetings and a total of 0, as a service answers for a period older than the
    /// history it keeps.
    /// </summary>
    Forgotten,
}

/// <summary>
/// A fault applied to the next <paramref name="Times"/> requests that match <paramref name="When"/> (all when null).
/// Unused parameters are ignored by kinds that do not need them.
/// </summary>
public sealed record FaultRule(
    FaultKind Kind,
    int Times = int.MaxValue,
    Func<SimulatorRequest, bool>? When = null,
    TimeSpan? Delay = null,
    int? RetryAfterSeconds = null,
    int? Status = null,
    string? Message = null)
{
    internal static readonly TimeSpan DefaultLatency = TimeSpan.FromMilliseconds(500);

    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);
}
