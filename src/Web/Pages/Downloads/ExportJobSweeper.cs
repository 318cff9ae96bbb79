using Microsoft.Extensions.Options;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// Forgets expired download jobs and deletes their files on a timer of the injected <see cref="TimeProvider"/>, and
/// at start removes what a previous instance that stopped without cleaning up left behind.
/// </summary>
internal sealed class ExportJobSweeper(ExportJobs jobs, IOptions<ExportOptions> options, TimeProvider clock) : IHostedService, IDisposable
{
    private static readonly TimeSpan LongestInterval = TimeSpan.FromMinutes(1);

    private ITimer? _timer;

    /// <summary>Often enough that a file outlives Exports:JobLifetime by a small part of it at most.</summary>
    public TimeSpan Interval => options.Value.JobLifetime / 4 < LongestInterval ? options.Value.JobLifetime / 4 : LongestInterval;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.DeleteLeftovers();
        _timer = clock.CreateTimer(static state => ((ExportJobs)state!).Sweep(), jobs, Interval, Interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();
}
