using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Instances;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Keeps several instances on one database from reading the meeting service twice for the same thing, with lease rows
/// (<see cref="ArchiveLeases"/>): the schedule runs on the one instance that holds the "schedule" lease (the others
/// look again every quarter of Archive:RefreshInterval, and take it over once its holder released it on stopping, or
/// once it expired, half an interval after its holder died); and a month is read by one instance at a time (the
/// "month:yyyy-MM" lease), whoever asked for it: another instance that needs the month waits for that read and uses
/// its copy. On a single instance (SQLite) the leases are always free and cost one statement each.
/// </summary>
internal sealed partial class ArchiveCoordination : IAsyncDisposable
{
    public const string ScheduleLease = "schedule";

    /// <summary>How often an instance waiting for another's month read looks whether it has ended.</summary>
    internal static readonly TimeSpan MonthPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>A month read renews its lease this often, and holds it this long past a renewal.</summary>
    internal static readonly TimeSpan MonthLeaseRenewal = TimeSpan.FromSeconds(20);

    internal static readonly TimeSpan MonthLeaseDuration = TimeSpan.FromMinutes(1);

    private readonly ArchiveLeases _leases;
    private readonly TimeProvider _clock;
    private readonly ArchiveOptions _options;
    private readonly ILogger<ArchiveCoordination> _logger;
    private readonly Lock _gate = new();
    private ITimer? _scheduleRenewal;
    private bool _holdsSchedule;

    public ArchiveCoordination(ArchiveLeases leases, TimeProvider clock, IOptions<ArchiveOptions> options, ILogger<ArchiveCoordination> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_leases, _clock, _options, _logger) = (leases, clock, options.Value, logger);
    }

    /// <summary>An expired schedule lease is free: half an interval after its holder last renewed it.</summary>
    public TimeSpan ScheduleLeaseDuration => _options.RefreshInterval / 2;

    /// <summary>How long an instance without the schedule waits before it asks for the lease again.</summary>
    public TimeSpan ScheduleRetry => _options.RefreshInterval / 4;

    public bool HoldsSchedule
    {
        get
        {
            lock (_gate)
            {
                return _holdsSchedule;
            }
        }
    }

    /// <summary>Takes or renews the schedule's lease; false when another instance runs the schedule.</summary>
    public async Task<bool> TryHoldScheduleAsync(CancellationToken cancellationToken)
    {
        var held = await _leases.TryTakeAsync(ScheduleLease, ScheduleLeaseDuration, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (held && !_holdsSchedule)
            {
                LogScheduleTaken(_logger, _leases.Holder);

                // Renewed while held, however long a read takes, so that it expires only when this instance is gone.
                var every = ScheduleLeaseDuration / 3;
                _scheduleRenewal = _clock.CreateTimer(_ => _ = RenewScheduleAsync(), null, every, every);
            }
            else if (!held && _holdsSchedule)
            {
                _scheduleRenewal?.Dispose();
                _scheduleRenewal = null;
            }

            _holdsSchedule = held;
        }

        return held;
    }

    /// <summary>The lease a read of <paramref name="month"/> holds: "month:2025-03".</summary>
    public static string MonthLease(DateOnly month) => "month:" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Lets the schedule go (the instance stops), so that another instance takes it over at its next look.</summary>
    public async Task ReleaseScheduleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _scheduleRenewal?.Dispose();
            _scheduleRenewal = null;
            if (!_holdsSchedule)
            {
                return;
            }

            _holdsSchedule = false;
        }

        await _leases.ReleaseAsync(ScheduleLease, cancellationToken).ConfigureAwait(false);
        LogScheduleReleased(_logger, _leases.Holder);
    }

    /// <summary>
    /// Runs <paramref name="read"/> holding the month's lease; while another instance holds it, waits until it lets go.
    /// The argument tells <paramref name="read"/> whether it waited for another instance's read of the month.
    /// </summary>
    public async Task<T> WithMonthAsync<T>(DateOnly month, Func<bool, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var name = MonthLease(month);
        var waited = false;
        while (!await _leases.TryTakeAsync(name, MonthLeaseDuration, cancellationToken).ConfigureAwait(false))
        {
            waited = true;
            await Task.Delay(MonthPoll, cancellationToken).ConfigureAwait(false);
        }

        using var renewal = _clock.CreateTimer(_ => _ = RenewAsync(name, MonthLeaseDuration), null, MonthLeaseRenewal, MonthLeaseRenewal);
        try
        {
            return await read(waited).ConfigureAwait(false);
        }
        finally
        {
            await _leases.ReleaseAsync(name, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseScheduleAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            // The database is gone: the lease expires on its own.
        }
    }

    private async Task RenewScheduleAsync()
    {
        if (HoldsSchedule)
        {
            await RenewAsync(ScheduleLease, ScheduleLeaseDuration).ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(string name, TimeSpan duration)
    {
        try
        {
            if (!await _leases.TryTakeAsync(name, duration, CancellationToken.None).ConfigureAwait(false))
            {
                LogLeaseLost(_logger, name);
            }
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            LogLeaseNotRenewed(_logger, name, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance ({Holder}) runs the archive's schedule")]
    private static partial void LogScheduleTaken(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance ({Holder}) let the archive's schedule go")]
    private static partial void LogScheduleReleased(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} was taken over by another instance while this one held it")]
    private static partial void LogLeaseLost(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} could not be renewed: {Reason}")]
    private static partial void LogLeaseNotRenewed(ILogger logger, string lease, string reason);
}
