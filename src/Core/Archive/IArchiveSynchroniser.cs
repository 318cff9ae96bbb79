using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Fills the archive with whole calendar months of the whole account. A month is written atomically and only when
/// complete; two asks for the same month while it is being read share that one read.
/// </summary>
public interface IArchiveSynchroniser
{
    /// <summary>
    /// Makes sure each month has a complete copy: months without one are read now (older than Archive:Since too), the
    /// others are left as they are. <paramref name="progress"/> hears months and upstream pages read.
    /// </summary>
    Task<IReadOnlyList<MonthSyncOutcome>> EnsureMonthsAsync(IEnumerable<DateOnly> months, IProgress<GatherProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Reads the month again now, whatever copy it has ("Read this month again").</summary>
    Task<MonthSyncOutcome> ReadMonthAsync(DateOnly month, IProgress<GatherProgress>? progress, CancellationToken cancellationToken);
}
