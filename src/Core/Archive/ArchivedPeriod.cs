using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Instances;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// The months of a period that the archive holds a complete copy of, as a report read them. <see cref="DataAsOf"/> is
/// the oldest completion among them: the report's figures are at least that fresh. Null when the period lies after
/// today (no month to read).
/// </summary>
public sealed record ArchivedPeriod(DatePeriod Period, IReadOnlyList<MonthSyncOutcome> Months)
{
    public DateTimeOffset? DataAsOf => Months.Count == 0 ? null : Months.Min(month => month.CompletedAt);

    /// <summary>True when every month's copy is its settled, last read: the figures no longer change, however old.</summary>
    public bool IsFinal => Months.Count > 0 && Months.All(month => month.Settled);

    /// <summary>
    /// Names the copies read ("2025-05@638…,2025-04@638…": each month with its completion time): a figure counted from
    /// them stays right while this is unchanged, since a month written again gets a new completion time. Worked out
    /// once: every kept figure and rendering of a request keys on it.
    /// </summary>
    public string Copies { get; } = string.Join(',', Months.Select(month =>
        month.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "@" + month.CompletedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>
/// What a report asks before it reads the archive: are the period's months there (<see cref="HeldAsync"/>, no
/// upstream call), and if not, read them now (<see cref="EnsureAsync"/>, through the synchroniser, which shares a read
/// between askers). A month that has a copy is served from it even when its last refresh failed; a month that has
/// never been read and cannot be read is the upstream's failure, naming the part of the period it leaves out.
/// </summary>
public interface IArchivePeriods
{
    /// <summary>The period's months when every one has a copy; null when one has none yet.</summary>
    Task<ArchivedPeriod?> HeldAsync(DatePeriod period, CancellationToken cancellationToken);

    /// <summary>
    /// The same, except that a month the instance's snapshot of <c>month_windows</c> lacks counts as missing without
    /// asking the table again: a month another instance archived may be found missing for up to
    /// <see cref="HeldMonths.Lifetime"/>. For what merely shows later then, like a comparison with the previous period,
    /// which would otherwise ask the table on every request while that period is not archived.
    /// </summary>
    Task<ArchivedPeriod?> HeldAsOfSnapshotAsync(DatePeriod period, CancellationToken cancellationToken) => HeldAsync(period, cancellationToken);

    Task<UpstreamResult<ArchivedPeriod>> EnsureAsync(DatePeriod period, IProgress<GatherProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// How far the reading of the period's months has got, as the database shows it to every instance: the months
    /// with a copy, and whether a month still without one is being read now (by any instance: its month lease is held).
    /// </summary>
    Task<PeriodReadProgress> ProgressAsync(DatePeriod period, CancellationToken cancellationToken);

    /// <summary>The day (the service's wall clock) a meeting record the archive holds began on; null when it holds none with that id.</summary>
    Task<DateOnly?> DayOfRecordAsync(string uuid, CancellationToken cancellationToken);
}

/// <summary>
/// The months of a period with a copy, of the months it touches up to today, and whether a month without one is being
/// read now. <see cref="Ended"/>: nothing of it is left to wait for (every month is in, or no read of a missing one
/// runs any more: it failed, or its reader stopped).
/// </summary>
public sealed record PeriodReadProgress(int MonthsHeld, int MonthsTotal, bool BeingRead)
{
    public bool Ended => MonthsHeld == MonthsTotal || !BeingRead;
}

internal sealed class ArchivePeriods(
    IArchiveSynchroniser synchroniser,
    HeldMonths held,
    ArchiveContext context,
    ArchiveLeases leases,
    UpstreamZone zone) : IArchivePeriods
{
    // One request asks twice (its page, then its report): the answer found held is kept for the request's scope.
    private ArchivedPeriod? _held;

    public async Task<ArchivedPeriod?> HeldAsync(DatePeriod period, CancellationToken cancellationToken)
    {
        if (_held is { } known && known.Period == period)
        {
            return known;
        }

        _held = await ReadHeldAsync(period, recheckMissing: true, cancellationToken).ConfigureAwait(false);
        return _held;
    }

    public Task<ArchivedPeriod?> HeldAsOfSnapshotAsync(DatePeriod period, CancellationToken cancellationToken) =>
        _held is { } known && known.Period == period ? Task.FromResult<ArchivedPeriod?>(known) : ReadHeldAsync(period, recheckMissing: false, cancellationToken);

    private async Task<ArchivedPeriod?> ReadHeldAsync(DatePeriod period, bool recheckMissing, CancellationToken cancellationToken)
    {
        var months = MonthsOf(period);
        if (months.Count == 0)
        {
            return new ArchivedPeriod(period, []);
        }

        var windows = await held.GetAsync(context, fresh: false, cancellationToken).ConfigureAwait(false);
        if (recheckMissing && !months.TrueForAll(windows.ContainsKey))
        {
            // The snapshot may predate the month's first copy (written by another instance): the table decides.
            windows = await held.GetAsync(context, fresh: true, cancellationToken).ConfigureAwait(false);
        }

        return months.TrueForAll(windows.ContainsKey)
            ? new ArchivedPeriod(period, [.. months.Select(month => windows[month]).Select(window => MonthSyncOutcome.Of(
                window.Month, window.State == MonthWindowState.Synced, window.Records, zone.Attach(window.CompletedAt), window.UpstreamRequests, window.LastError) with { Settled = window.Settled })])
            : null;
    }

    public async Task<UpstreamResult<ArchivedPeriod>> EnsureAsync(DatePeriod period, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        var outcomes = await synchroniser.EnsureMonthsAsync(MonthsOf(period), progress, cancellationToken).ConfigureAwait(false);

        // The oldest month missing is named, as the reader names the earliest window that failed.
        var missing = outcomes.Where(outcome => !outcome.HasCopy).OrderBy(outcome => outcome.Month).FirstOrDefault();
        return missing is null
            ? UpstreamResult<ArchivedPeriod>.Success(new ArchivedPeriod(period, outcomes))
            : FailureOf(missing, period);
    }

    public async Task<PeriodReadProgress> ProgressAsync(DatePeriod period, CancellationToken cancellationToken)
    {
        var months = MonthsOf(period);
        var windows = await held.GetAsync(context, fresh: true, cancellationToken).ConfigureAwait(false);
        var missing = months.Where(month => !windows.ContainsKey(month)).Select(ArchiveCoordination.MonthLease).ToList();
        var beingRead = await leases.AnyHeldAsync(missing, cancellationToken).ConfigureAwait(false);
        return new PeriodReadProgress(months.Count - missing.Count, months.Count, beingRead);
    }

    public async Task<DateOnly?> DayOfRecordAsync(string uuid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        var start = await context.Meetings.AsNoTracking()
            .Where(meeting => meeting.Uuid == uuid)
            .Select(meeting => (DateTime?)meeting.Start)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return start is { } began ? DateOnly.FromDateTime(began) : null;
    }

    /// <summary>The months the period touches up to today's, newest first (a later month has nothing to read).</summary>
    private List<DateOnly> MonthsOf(DatePeriod period)
    {
        var today = zone.Today;
        var months = new List<DateOnly>();
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To && month <= today; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        months.Reverse();
        return months;
    }

    /// <summary>The month's failure, cut to the part of the period it leaves out.</summary>
    private static UpstreamResult<ArchivedPeriod> FailureOf(MonthSyncOutcome month, DatePeriod period)
    {
        var monthEnd = month.Month.AddMonths(1).AddDays(-1);
        var missing = new DatePeriod(
            month.Month > period.From ? month.Month : period.From,
            monthEnd < period.To ? monthEnd : period.To);
        if (month.UpstreamFailure is { } failure)
        {
            return UpstreamResult<ArchivedPeriod>.Failed(failure with { Window = missing });
        }

        return UpstreamResult<ArchivedPeriod>.Failed(new UpstreamUnreachable(missing, (month.Failure ?? "the month could not be read").TrimEnd('.')));
    }
}
