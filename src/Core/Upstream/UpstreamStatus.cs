using System.Globalization;
using Microsoft.Extensions.Logging;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// What this instance last saw of the upstream, in the upstream's zone: when an attempt last really went out,
/// when one last came back answered, why the last one failed, and until when the circuit breaker holds calls back.
/// Written by the handlers that every attempt passes, so a refusal can say "last tried at …" instead of nothing.
/// </summary>
internal sealed partial class UpstreamStatus(UpstreamZone zone, ILogger<UpstreamStatus> logger)
{
    private readonly Lock _gate = new();
    private UpstreamStatusSnapshot _current = new(null, null, null, null);
    private long _attempts;

    public UpstreamStatusSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Upstream attempts (retries included) this app has sent since it started, whoever asked: the reports, the
    /// archive, the readiness probe. One app is one process in production; each test server counts its own.
    /// </summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    public void AttemptStarted()
    {
        Interlocked.Increment(ref _attempts);
        var now = zone.Now;
        Update(status => status with { LastAttemptAt = now });
    }

    public void AttemptAnswered()
    {
        Diagnostics.ReportsMetrics.UpstreamCall(answered: true);
        var now = zone.Now;
        Update(status => status with { LastSuccessAt = now });
    }

    /// <param name="reason">A sentence that is safe to show and to log, as <see cref="UpstreamTransport"/> words them.</param>
    public void AttemptFailed(string reason)
    {
        Diagnostics.ReportsMetrics.UpstreamCall(answered: false);
        Update(status => status with { LastFailure = reason });
    }

    public void Paused(TimeSpan breakDuration)
    {
        var resumesAt = zone.Now + breakDuration;
        var paused = Update(status => status with { ResumesAt = resumesAt });
        LogPaused(logger, breakDuration, Time(paused.LastAttemptAt), paused.LastFailure ?? "unknown");
    }

    public void Resumed()
    {
        Update(status => status with { ResumesAt = null });
        LogResumed(logger);
    }

    /// <summary>Why a call was refused without asking the upstream, e.g. "it is unavailable (it failed repeatedly; last tried at …); …".</summary>
    public string DescribePause() => PauseReason().Describe();

    /// <summary>As <see cref="DescribePause"/>, as a code with the times it knows (pages word it in the reader's language).</summary>
    public UnreachableReason PauseReason()
    {
        var status = Current;
        if (status.LastAttemptAt is not { } at)
        {
            return new UnreachableReason(UnreachableCause.Paused);
        }

        return status.ResumesAt is { } resumesAt && resumesAt > zone.Now
            ? new UnreachableReason(UnreachableCause.PausedUntil, Time(at), resumesAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
            : new UnreachableReason(UnreachableCause.PausedLastTried, Time(at));
    }

    /// <summary>e.g. "2025-06-15 14:03:12 UTC+08:00": the upstream's wall clock with its offset spelled out.</summary>
    internal static string Time(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture) ?? "never";

    private UpstreamStatusSnapshot Update(Func<UpstreamStatusSnapshot, UpstreamStatusSnapshot> change)
    {
        lock (_gate)
        {
            return _current = change(_current);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The meeting service failed repeatedly: calls to it are refused for {BreakDuration} (last tried at {LastTried}: {LastFailure})")]
    private static partial void LogPaused(ILogger logger, TimeSpan breakDuration, string lastTried, string lastFailure);

    [LoggerMessage(Level = LogLevel.Information, Message = "The meeting service answered again: calls to it resume")]
    private static partial void LogResumed(ILogger logger);
}

/// <summary>One consistent reading of <see cref="UpstreamStatus"/>; times are in the upstream's zone.</summary>
internal sealed record UpstreamStatusSnapshot(
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    string? LastFailure,
    DateTimeOffset? ResumesAt);
