using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Recognises the archive's failures (the app has no other database, so any provider error is the archive's) and
/// probes the database with the smallest query that still reads a table of ours: a file that is no longer a database,
/// or a server that lost our schema, fails it where a bare "can connect" would not.
/// </summary>
internal sealed class ArchiveHealth(ArchiveDatabase database, ArchiveMigrationState migration) : IArchiveHealth
{
    /// <summary>A readiness probe is answered within this, whatever the database does.</summary>
    internal static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public string? Explain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case ArchiveUnavailableException unavailable:
                    return unavailable.Message;
                case DbException failure:
                    return $"The archive ({database.Description}) cannot be read or written: {failure.Message.TrimEnd('.')}.";
            }
        }

        return null;
    }

    public async Task<ArchiveProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        if (migration.Problem is { } problem)
        {
            return new ArchiveProbeResult(false, problem);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ProbeTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var context = database.CreateDbContext();
            _ = await context.MonthWindows.AsNoTracking().Select(window => window.Month).FirstOrDefaultAsync(limit.Token).ConfigureAwait(false);
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new ArchiveProbeResult(true, string.Create(CultureInfo.InvariantCulture, $"The archive ({database.Description}) answered in {elapsed} ms."));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ArchiveProbeResult(false, string.Create(CultureInfo.InvariantCulture, $"The archive ({database.Description}) did not answer within {ProbeTimeout.TotalSeconds:0} s."));
        }
        catch (Exception exception) when (Explain(exception) is { } reason)
        {
            return new ArchiveProbeResult(false, reason);
        }
    }
}
