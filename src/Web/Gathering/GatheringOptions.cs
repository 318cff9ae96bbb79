using System.ComponentModel.DataAnnotations;

namespace UMeetingReports.Web.Gathering;

/// <summary>
/// The "Gathering" section: how analytics pages gather a whole period in the background so that a long first read
/// shows progress instead of a page that seems frozen.
/// </summary>
internal sealed class GatheringOptions
{
    public const string SectionName = "Gathering";

    /// <summary>How long a page waits for the figures before it shows progress instead (and reloads when they are in).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30", ErrorMessage = "Gathering:RenderWait must be between {1} and {2}.")]
    public TimeSpan RenderWait { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Gatherings that read the upstream at once; more wait their turn (each one already reads with UMeeting:MaxConcurrency).</summary>
    [Range(1, 16, ErrorMessage = "Gathering:MaxConcurrent must be between {1} and {2}.")]
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>A gathering nobody has looked at (page or progress poll) for this long is cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00", ErrorMessage = "Gathering:AbandonAfter must be between {1} and {2}.")]
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long finished figures are kept for the reload that shows them (the reader's cache keeps the upstream's pages longer).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Gathering:KeepResultsFor must be between {1} and {2}.")]
    public TimeSpan KeepResultsFor { get; set; } = TimeSpan.FromMinutes(2);
}
