using System.ComponentModel.DataAnnotations;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// The "Exports" section: when a download becomes a background job, how long a finished job's file is kept, and how
/// many jobs read the upstream at once.
/// </summary>
internal sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>
    /// Where background downloads' files are written, relative to the content root: one folder all instances share
    /// (a volume), so that any of them serves a file another made. Created readable by the app's user only (0700).
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Exports:Folder must name a folder: it is where background downloads are written, shared by every instance.")]
    public string Folder { get; set; } = Path.Combine("data", "exports");

    /// <summary>
    /// A download estimated to need more upstream requests than this runs as a background job with a progress page;
    /// 0 sends every download there. The estimate is explained in <see cref="DownloadPlanner"/>.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "Exports:BackgroundAbove must be between {1} and {2}: it is how many upstream requests a download may need before it runs as a background job.")]
    public int BackgroundAbove { get; set; } = 24;

    /// <summary>How long a job (and its file) is kept after it ended: its owner may download the file as often as needed until then.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ErrorMessage = "Exports:JobLifetime must be between {1} and {2}: it is how long a finished download's file stays for its owner to download.")]
    public TimeSpan JobLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Jobs that read the upstream at once; later ones wait their turn (each already reads with UMeeting:MaxConcurrency).</summary>
    [Range(1, 16, ErrorMessage = "Exports:MaxConcurrentJobs must be between {1} and {2}: it is how many background downloads read the meeting service at once.")]
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Unfinished jobs one user may have; one more is refused with a sentence instead of queueing without end.</summary>
    [Range(1, 100, ErrorMessage = "Exports:MaxJobsPerUser must be between {1} and {2}: it is how many background downloads one user may have waiting or running.")]
    public int MaxJobsPerUser { get; set; } = 5;
}
