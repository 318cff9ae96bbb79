using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// The month-by-month figures summed by the database: the archive's per-meeting totals grouped by the year and month
/// of each meeting's start (one pass over the meetings table, or over the meetings the report's search and person
/// list), and the distinct names per month when asked (one more, over the day names).
/// </summary>
internal sealed class MonthlySeriesService(IArchivePeriods periods, ArchiveReader archive, IRoomDirectory rooms, UpstreamZone zone) : IMonthlySeriesService
{
    public async Task<MonthlySeries?> GetAsync(AnalyticsFilter filter, bool names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!MonthlySeries.Covers(filter.Period) || filter.Period.From > zone.Today
            || await periods.HeldAsync(filter.Period, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        if (names && filter.NarrowsMeetings)
        {
            // The names per month come from the day names, a whole room's day: no search or person narrows them.
            throw new ArgumentException("Distinct names per month are counted over every meeting of the period: they take no search and no person.", nameof(filter));
        }

        var meetings = filter.NarrowsMeetings ? await NarrowedAsync(filter, cancellationToken).ConfigureAwait(false) : archive.Meetings(filter.Period, filter.HostId);
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

    /// <summary>The meetings the meetings report lists for the filter's search and person, on this reader's context.</summary>
    private async Task<IQueryable<ArchivedMeeting>> NarrowedAsync(AnalyticsFilter filter, CancellationToken cancellationToken) =>
        await MeetingsQuery.ListedAsync(archive.Context, await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false), filter, cancellationToken).ConfigureAwait(false);
}
