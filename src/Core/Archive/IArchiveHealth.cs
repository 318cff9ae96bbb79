namespace UMeetingReports.Core.Archive;

/// <summary>Whether the archive's database answers, and what to tell a user when it did not.</summary>
public interface IArchiveHealth
{
    /// <summary>
    /// The sentence for a failure of the archive's database ("The archive (the SQLite file …) cannot be read or
    /// written: …"), naming the file or server and never a password; null when <paramref name="exception"/> is not one.
    /// </summary>
    string? Explain(Exception exception);

    /// <summary>One cheap query, bounded in time; never throws for the database's own trouble.</summary>
    Task<ArchiveProbeResult> ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>The outcome of one probe: <paramref name="Reason"/> is a sentence safe to show to anyone.</summary>
public sealed record ArchiveProbeResult(bool IsHealthy, string Reason);
