using System.ComponentModel.DataAnnotations;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// The "UMeeting" configuration section. Every rule fails the app at start with a sentence that names the
/// setting (ValidateOnStart), so a wrong value never surfaces as a broken page later.
/// </summary>
public sealed class UMeetingOptions
{
    public const string SectionName = "UMeeting";

    /// <summary>
    /// Base address of the upstream, e.g. https://api.systeccloud.com. Empty only where another
    /// <see cref="IUpstreamEndpoint"/> is registered (the web app's demo mode, UMeeting:Mode=Demo, on its embedded simulator).
    /// </summary>
    public string? BaseUrl { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "UMeeting:ApiKey is missing: set it to the API key the vendor issued for this account.")]
    public string ApiKey { get; set; } = "";

    [Required(AllowEmptyStrings = false, ErrorMessage = "UMeeting:ApiSecret is missing: set it to the API secret the vendor issued for this account (an environment variable or a secret store, not a committed file).")]
    public string ApiSecret { get; set; } = "";

    /// <summary>IANA or Windows id of the zone the upstream writes its times in.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "UMeeting:TimeZone is empty: set it to the upstream's zone, e.g. Asia/Shanghai.")]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    [Range(10, 10_000, ErrorMessage = "UMeeting:MaxPageSize must be between {1} and {2}.")]
    public int MaxPageSize { get; set; } = 300;

    [Range(1, 32, ErrorMessage = "UMeeting:MaxConcurrency must be between {1} and {2}.")]
    public int MaxConcurrency { get; set; } = 4;

    [Range(1, 120, ErrorMessage = "UMeeting:MaxPeriodMonths must be between {1} and {2}.")]
    public int MaxPeriodMonths { get; set; } = 24;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "UMeeting:AttemptTimeout must be between {1} and {2}.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "UMeeting:TotalTimeout must be between {1} and {2}.")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a transient failure (HTTP 5xx, 408, 429, time-out), on top of the first try.</summary>
    [Range(1, 10, ErrorMessage = "UMeeting:MaxRetryAttempts must be between {1} and {2}.")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Median wait before the first retry; later ones back off exponentially. A 429's Retry-After wins.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "UMeeting:RetryDelay must be between {1} and {2}.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "UMeeting:RoomsCacheDuration must be between {1} and {2}.")]
    public TimeSpan RoomsCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Upstream attempts per second from this app instance, retries included, on top of MaxConcurrency. The vendor
    /// publishes no limit; Zoom's v1 API, which it copies, allowed about one a second on report endpoints.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "UMeeting:RequestsPerSecond must be between {1} and {2}: it is how many calls a second this instance may make to the meeting service, and 0 would stop them all.")]
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>Attempts the circuit breaker must have seen in its sampling window before half of them failing opens it.</summary>
    [Range(2, 10_000, ErrorMessage = "UMeeting:BreakerMinimumThroughput must be between {1} and {2}.")]
    public int BreakerMinimumThroughput { get; set; } = 20;

    /// <summary>How long calls are refused at once, without asking the upstream, after the circuit breaker opens.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "UMeeting:BreakerBreakDuration must be between {1} and {2}.")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a readiness answer is reused, so a prober cannot flood the upstream.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "UMeeting:ReadinessCacheDuration must be between {1} and {2}.")]
    public TimeSpan ReadinessCacheDuration { get; set; } = TimeSpan.FromSeconds(15);
}
