using System.Globalization;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Telephony;

/// <summary>Computes the telephony report from a complete list of meetings; no upstream, no clock.</summary>
internal static class TelephonyReportBuilder
{
    public const int TopNumberCount = 10;

    /// <summary>Always shown, in this order, even at zero: the KPI tiles stay in place from one period to the next.</summary>
    private static readonly string[] KnownTypes = ["call-in", "call-out"];

    public static TelephonyReport Build(AnalyticsFilter filter, IReadOnlyList<Meeting> meetings, RoomList rooms, bool revealPhoneNumbers, UpstreamZone zone)
    {
        var calls = meetings
            .SelectMany(meeting => meeting.Telephony.Select(call => (Meeting: meeting, Call: call, Day: zone.DayOf(meeting.Start))))
            .ToList();

        var types = KnownTypes
            .Concat(calls.Select(item => item.Call.Type).Where(type => !KnownTypes.Contains(type, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToList();
        var byType = types
            .Select(type => new CallTypeLine(type, TelephonyTotals.Of(calls.Where(item => item.Call.Type == type).Select(item => item.Call))))
            .ToList();

        // Every day of the period, and any day the upstream placed a meeting on outside it: a call is never dropped from the chart.
        var days = filter.Period.EachDay().Concat(calls.Select(item => item.Day)).Distinct().Order().ToList();
        var callsByDay = calls.ToLookup(item => item.Day);
        var dayLines = days
            .Select(day => new TelephonyDayLine(day, TelephonyTotals.Of(callsByDay[day].Select(item => item.Call))))
            .ToList();

        var roomLines = meetings
            .GroupBy(meeting => meeting.HostId, StringComparer.Ordinal)
            .Select(room => new TelephonyRoomLine(room.Key, rooms.NameOf(room.Key), room.Count(), TelephonyTotals.Of(room.SelectMany(meeting => meeting.Telephony))))
            .OrderByDescending(line => line.Totals.Cost)
            .ThenBy(line => line.RoomName, StringComparer.Ordinal)
            .ThenBy(line => line.HostId, StringComparer.Ordinal)
            .ToList();

        // Ranked on the whole number, masked only afterwards: two numbers that mask alike are still two lines.
        var topNumbers = calls
            .GroupBy(item => item.Call.PhoneNumber, StringComparer.Ordinal)
            .Select(number => (Number: number.Key, Totals: TelephonyTotals.Of(number.Select(item => item.Call))))
            .OrderByDescending(number => number.Totals.Cost)
            .ThenByDescending(number => number.Totals.Minutes)
            .ThenBy(number => number.Number, StringComparer.Ordinal)
            .Take(TopNumberCount)
            .Select(number => new PhoneNumberLine(revealPhoneNumbers ? number.Number : PhoneNumberMask.Mask(number.Number), number.Totals))
            .ToList();

        var charts = new TelephonyCharts(
            CostPerDay: new ChartSeries(
                [.. days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
                [.. types.Select(type => new ChartDataset(type, [.. days.Select(day => callsByDay[day].Where(item => item.Call.Type == type).Sum(item => item.Call.Cost))]))]),
            CostPerRoom: new ChartSeries(
                [.. roomLines.Select(line => line.RoomName)],
                [new ChartDataset(SeriesNames.Cost, [.. roomLines.Select(line => line.Totals.Cost)])]),
            TopNumbers: new ChartSeries(
                [.. topNumbers.Select(line => line.PhoneNumber)],
                [new ChartDataset(SeriesNames.Cost, [.. topNumbers.Select(line => line.Totals.Cost)])]),
            MinutesByType: new ChartSeries(
                [.. byType.Select(line => line.Type)],
                [new ChartDataset(SeriesNames.Minutes, [.. byType.Select(line => (decimal)line.Totals.Minutes)])]));

        return new TelephonyReport(
            filter,
            TelephonyTotals.Of(calls.Select(item => item.Call)),
            byType,
            charts,
            topNumbers,
            revealPhoneNumbers,
            roomLines,
            TelephonyTotals.Sum(roomLines.Select(line => line.Totals)),
            dayLines,
            TelephonyTotals.Sum(dayLines.Select(line => line.Totals)),
            rooms.IsKnown,
            zone.Describe());
    }
}
