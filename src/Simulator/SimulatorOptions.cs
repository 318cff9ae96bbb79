using System.ComponentModel.DataAnnotations;

namespace UMeetingReports.Simulator;

/// <summary>
/// The "Simulator" configuration section: what the embedded umeeting upstream holds and how badly it behaves.
/// Every rule fails the app at start with a sentence that names the setting.
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Everything generated (rooms, meetings, uuids) follows from this number, so a run can be reproduced.</summary>
    public int Seed { get; set; } = 20251128;

    [Range(1, 200, ErrorMessage = "Simulator:Rooms must be between {1} and {2}.")]
    public int Rooms { get; set; } = 12;

    /// <summary>How many days of history end at <see cref="Today"/> (inclusive).</summary>
    [Range(1, 3660, ErrorMessage = "Simulator:Days must be between {1} and {2}.")]
    public int Days { get; set; } = 400;

    /// <summary>Average meetings per room on a weekday; weekends see a small fraction of it.</summary>
    [Range(0.0, 50.0, ErrorMessage = "Simulator:MeetingsPerRoomPerDay must be between {1} and {2}.")]
    public double MeetingsPerRoomPerDay { get; set; } = 3.0;

    /// <summary>IANA or Windows id of the zone the simulated service writes its wall-clock times in.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Simulator:TimeZone is empty: set it to a zone id such as Asia/Shanghai.")]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// The last day of data. Null: today in <see cref="TimeZone"/> by the injected TimeProvider, and "now" is the
    /// provider's time. Set: "now" is 15:00 on that day, so meetings still running are reproducible.
    /// </summary>
    public DateOnly? Today { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Simulator:ApiKey is empty: the simulator only answers a known key.")]
    public string ApiKey { get; set; } = "demo";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Simulator:ApiSecret is empty: the simulator only answers a known secret.")]
    public string ApiSecret { get; set; } = "demo-secret";

    /// <summary>
    /// Answer a period longer than one month with its last month only, silently, as the vendor documents: when
    /// <c>from</c> is before <c>to.AddMonths(-1).AddDays(1)</c> the answer (and its echoed <c>from</c>) starts
    /// there instead. A period inside one calendar month is therefore never cut.
    /// </summary>
    public bool OneMonthCut { get; set; } = true;

    [Range(1, 10_000, ErrorMessage = "Simulator:MaxPageSize must be between {1} and {2}.")]
    public int MaxPageSize { get; set; } = 300;

    /// <summary>Added to every request before it is answered.</summary>
    [Range(0, 600_000, ErrorMessage = "Simulator:LatencyMilliseconds must be between {1} and {2}.")]
    public int LatencyMilliseconds { get; set; }

    /// <summary>Share of requests (0..1) answered with HTTP 503, drawn from a random source seeded by <see cref="Seed"/>.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Simulator:FailureRate must be between {1} and {2}.")]
    public double FailureRate { get; set; }
}
