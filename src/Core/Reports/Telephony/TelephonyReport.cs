using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Telephony;

/// <summary>
/// What the phone legs of a period cost, in figures, charts and tables that add up to the same totals: the
/// cost-per-day chart, the cost-per-room chart, the room table and the day table each sum to <see cref="Totals"/>.
/// A call belongs to the day its meeting started (upstream zone), as the period itself selects meetings by
/// their start day; so a call after midnight of a late meeting stays inside the period it was reported in.
/// </summary>
public sealed record TelephonyReport(
    AnalyticsFilter Filter,
    TelephonyTotals Totals,
    IReadOnlyList<CallTypeLine> ByType,
    TelephonyCharts Charts,
    IReadOnlyList<PhoneNumberLine> TopNumbers,
    bool PhoneNumbersRevealed,
    IReadOnlyList<TelephonyRoomLine> Rooms,
    TelephonyTotals RoomsTotal,
    IReadOnlyList<TelephonyDayLine> Days,
    TelephonyTotals DaysTotal,
    bool RoomNamesKnown,
    string ZoneLabel)
{
    /// <summary>
    /// The numbers left out of <see cref="TopNumbers"/> that cost as much as its last (a tie at the cut, ranked after it
    /// by minutes, then by number): a chart of "the ten" says so rather than leave them out unseen.
    /// </summary>
    public int TiedBeyondTop { get; init; }
}

/// <summary>
/// The four charts. <see cref="CostPerDay"/> has a label per day (every day of the period up to today,
/// "yyyy-MM-dd", zeros included) and a dataset per call type; <see cref="CostPerRoom"/> and <see cref="TopNumbers"/> one
/// <see cref="SeriesNames.Cost"/> dataset; <see cref="MinutesByType"/> a label per call type and one
/// <see cref="SeriesNames.Minutes"/> dataset.
/// </summary>
public sealed record TelephonyCharts(ChartSeries CostPerDay, ChartSeries CostPerRoom, ChartSeries TopNumbers, ChartSeries MinutesByType);

/// <summary>Calls, billed minutes and cost in yuan.</summary>
public sealed record TelephonyTotals(int Calls, int Minutes, decimal Cost)
{
    public static TelephonyTotals None { get; } = new(0, 0, 0m);

    public static TelephonyTotals Of(IEnumerable<TelephonyCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var (count, minutes, cost) = (0, 0, 0m);
        foreach (var call in calls)
        {
            count++;
            minutes += call.Minutes;
            cost += call.Cost;
        }

        return new TelephonyTotals(count, minutes, cost);
    }

    public static TelephonyTotals Sum(IEnumerable<TelephonyTotals> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(None, static (sum, part) => new TelephonyTotals(sum.Calls + part.Calls, sum.Minutes + part.Minutes, sum.Cost + part.Cost));
    }
}

/// <summary>One call type exactly as the upstream sends it ("call-in", "call-out", or any other it adds).</summary>
public sealed record CallTypeLine(string Type, TelephonyTotals Totals);

/// <summary>One room's calls; <see cref="Meetings"/> counts all its meetings in the period, with calls or without.</summary>
public sealed record TelephonyRoomLine(string HostId, string RoomName, int Meetings, TelephonyTotals Totals);

public sealed record TelephonyDayLine(DateOnly Day, TelephonyTotals Totals);

/// <summary>
/// One telephone number's calls. <see cref="PhoneNumber"/> is already masked unless the report was asked to reveal
/// numbers, so a page for a viewer never holds a whole number.
/// </summary>
public sealed record PhoneNumberLine(string PhoneNumber, TelephonyTotals Totals);
