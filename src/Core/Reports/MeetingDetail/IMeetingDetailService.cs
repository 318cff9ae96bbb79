using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.MeetingDetail;

/// <summary>One meeting record with its participants, telephony, peak and timeline.</summary>
public interface IMeetingDetailService
{
    /// <summary>
    /// Looks the record up over <paramref name="period"/>; with none, month by month back from today (upstream zone),
    /// stopping at the first month that holds it, at most <see cref="MeetingDetailSearch.Months"/> months.
    /// Without <paramref name="revealPhoneNumbers"/> every phone number in the result (and every participant name
    /// that is one) is masked before the result is built, so the whole number is nowhere in it.
    /// </summary>
    /// <param name="uuid">The record id exactly as the upstream writes it (base64: may hold '+', '/', '='). Not blank.</param>
    Task<MeetingDetailResult> GetAsync(string uuid, DatePeriod? period, bool revealPhoneNumbers, CancellationToken cancellationToken);
}

/// <summary>How far back a look-up without a period searches.</summary>
public static class MeetingDetailSearch
{
    /// <summary>Thirteen months: the current one and a whole year before it, so "the same meeting last year" is found.</summary>
    public const int Months = 13;

    /// <summary>The windows searched for <paramref name="today"/>, newest first: this month up to today, then whole months.</summary>
    public static IReadOnlyList<DatePeriod> WindowsBack(DateOnly today)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var windows = new List<DatePeriod>(Months) { new(monthStart, today) };
        for (var back = 1; back < Months; back++)
        {
            var from = monthStart.AddMonths(-back);
            windows.Add(new DatePeriod(from, from.AddMonths(1).AddDays(-1)));
        }

        return windows;
    }
}
