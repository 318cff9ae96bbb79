using System.Diagnostics.Metrics;

namespace UMeetingReports.Core.Diagnostics;

/// <summary>
/// The app's own instruments, on one <see cref="Meter"/> that the web app exports at /metrics (Prometheus' text format,
/// where the meter's name prefixes them: <c>umeetingreports_upstream_calls</c> and so on):
/// upstream calls by outcome, month windows read by result and how long they took, download jobs by how they ended.
/// No instrument carries a user name, a phone number or a secret as a tag.
/// </summary>
public static class ReportsMetrics
{
    public const string MeterName = "UMeetingReports";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> UpstreamCalls =
        Meter.CreateCounter<long>("upstream_calls", description: "Attempts sent to the meeting service, by outcome (answered or failed).");

    private static readonly Counter<long> ArchiveWindows =
        Meter.CreateCounter<long>("archive_windows", description: "Month windows read by the archive's synchroniser, by result (synced or failed).");

    private static readonly Histogram<double> ArchiveWindowSeconds =
        Meter.CreateHistogram<double>("archive_window_duration_seconds", description: "How long reading and writing one month window took.");

    private static readonly Counter<long> DownloadJobs =
        Meter.CreateCounter<long>("download_jobs", description: "Background download jobs, by what became of them (started, done, failed, cancelled).");

    internal static void UpstreamCall(bool answered) =>
        UpstreamCalls.Add(1, new KeyValuePair<string, object?>("outcome", answered ? "answered" : "failed"));

    internal static void ArchiveWindow(bool synced, TimeSpan took)
    {
        var result = new KeyValuePair<string, object?>("result", synced ? "synced" : "failed");
        ArchiveWindows.Add(1, result);
        ArchiveWindowSeconds.Record(took.TotalSeconds, result);
    }

    /// <param name="state">started, done, failed or cancelled.</param>
    public static void DownloadJob(string state) => DownloadJobs.Add(1, new KeyValuePair<string, object?>("state", state));
}
