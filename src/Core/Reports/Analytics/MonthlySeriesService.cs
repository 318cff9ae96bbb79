using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// The month-by-month figures summed by the database: the archive's per-meeting totals grouped by the year and month
/// of each meeting's start (one pass over the meetings table), and the distinct names per month when asked (one more, over the day names).
/// </summary>
internal sealed class MonthlySeriesService(IArchivePeriods periods, ArchiveReader archive, UpstreamZone zone) : IMonthlySeriesService
{
    public async Task<MonthlySeries?> GetAsync(AnalyticsFilter filter, bool names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!MonthlySeries.Covers(filter.Period) || filter.Period.From > zone.Today
            || await periods.HeldAsync(filter.Period, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var meetings = archive.Meetings(filter.Period, filter.HostId);
        var sums = await ArchiveFigures.Sums(meetings.GroupBy(meeting => new { meeting.Start.Year, meeting.Start.Month }))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byMonth = sums.ToDictionary(sum => (sum.Key.Year, sum.Key.Month));
        var namesByMonth = names
            ? await archive.DayNames(filter.Period, filter.HostId)
                .Select(row => new { row.Day.Year, row.Day.Month, row.Name })
                .GroupBy(row => new { row.Year, row.Month })
                .Select(month => new { month.Key.Year, month.Key.Month, Names = month.Select(row => row.Name).Distinct().Count() })
                .ToDictionaryAsync(month => (month.Year, month.Month), month => month.Names, cancellationToken).ConfigureAwait(false)
            : [];

        // Months after today hold nothing yet: the series stops at today, which cuts the current month.
        var today = zone.Today;
        var shown = new DatePeriod(filter.Period.From, filter.Period.To < today ? filter.Period.To : today);
        var months = shown.SplitIntoMonthWindows().Select(span =>
        {
            var key = (span.From.Year, span.From.Month);
            var figures = byMonth.TryGetValue(key, out var sum) ? sum.ToFigures(namesByMonth.GetValueOrDefault(key)) : MeetingFigures.None;
            return new MonthFigures(span, figures);
        });
        return new MonthlySeries(filter, [.. months]);
    }
}
