using System.Globalization;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Telephony;

/// <summary>
/// One group of phone legs: those of one call type to or from one number in one room's meetings that started on one
/// day (upstream zone). Every figure of the report is a sum of these; the database counts them in one pass.
/// </summary>
internal sealed record CallGroup(DateOnly Day, string Type, string HostId, string PhoneNumber, int Calls, int Minutes, decimal Cost)
{
    public TelephonyTotals Totals => new(Calls, Minutes, Cost);
}

/// <summary>Puts the telephony report together from groups of calls and each room's count of meetings; no upstream, no clock.</summary>
internal static class TelephonyReportBuilder
{
    public const int TopNumberCount = 10;

    /// <summary>Always shown, in this order, even at zero: the KPI tiles stay in place from one period to the next.</summary>
    private static readonly string[] KnownTypes = ["call-in", "call-out"];

    /// <summary>From a complete list of meetings with their calls, grouped here in memory.</summary>
    public static TelephonyReport Build(AnalyticsFilter filter, IReadOnlyList<Meeting> meetings, RoomList rooms, bool revealPhoneNumbers, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var groups = meetings
            .SelectMany(meeting => meeting.Telephony.Select(call => (Day: zone.DayOf(meeting.Start), meeting.HostId, Call: call)))
            .GroupBy(item => (item.Day, item.Call.Type, item.HostId, item.Call.PhoneNumber))
            .Select(group => new CallGroup(group.Key.Day, group.Key.Type, group.Key.HostId, group.Key.PhoneNumber, group.Count(), group.Sum(item => item.Call.Minutes), group.Sum(item => item.Call.Cost)))
            .ToList();
        var meetingsPerRoom = meetings.GroupBy(meeting => meeting.HostId, StringComparer.Ordinal).ToDictionary(room => room.Key, room => room.Count(), StringComparer.Ordinal);
        return Build(filter, groups, meetingsPerRoom, rooms, revealPhoneNumbers, zone);
    }

    /// <param name="meetingsPerRoom">Every room with a meeting in the period, calls or none, and how many it held.</param>
    public static TelephonyReport Build(
        AnalyticsFilter filter, IReadOnlyList<CallGroup> groups, IReadOnlyDictionary<string, int> meetingsPerRoom, RoomList rooms, bool revealPhoneNumbers, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(meetingsPerRoom);
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(zone);

        var types = KnownTypes
            .Concat(groups.Select(group => group.Type).Where(type => !KnownTypes.Contains(type, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToList();
        var byType = types
            .Select(type => new CallTypeLine(type, Sum(groups.Where(group => group.Type == type))))
            .ToList();

        // Every day of the period, and any day the upstream placed a meeting on outside it: a call is never dropped from the chart.
        var days = filter.Period.EachDay().Concat(groups.Select(group => group.Day)).Distinct().Order().ToList();
        var groupsByDay = groups.ToLookup(group => group.Day);
        var dayLines = days
            .Select(day => new TelephonyDayLine(day, Sum(groupsByDay[day])))
            .ToList();

        var groupsByRoom = groups.ToLookup(group => group.HostId, StringComparer.Ordinal);
        var roomLines = meetingsPerRoom
            .Select(room => new TelephonyRoomLine(room.Key, rooms.NameOf(room.Key), room.Value, Sum(groupsByRoom[room.Key])))
            .OrderByDescending(line => line.Totals.Cost)
            .ThenBy(line => line.RoomName, StringComparer.Ordinal)
            .ThenBy(line => line.HostId, StringComparer.Ordinal)
            .ToList();

        // Ranked on the whole number, masked only afterwards: two numbers that mask alike are still two lines.
        var topNumbers = groups
            .GroupBy(group => group.PhoneNumber, StringComparer.Ordinal)
            .Select(number => (Number: number.Key, Totals: Sum(number)))
            .OrderByDescending(number => number.Totals.Cost)
            .ThenByDescending(number => number.Totals.Minutes)
            .ThenBy(number => number.Number, StringComparer.Ordinal)
            .Take(TopNumberCount)
            .Select(number => new PhoneNumberLine(revealPhoneNumbers ? number.Number : PhoneNumberMask.Mask(number.Number), number.Totals))
            .ToList();

        var charts = new TelephonyCharts(
            CostPerDay: new ChartSeries(
                [.. days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
                [.. types.Select(type => new ChartDataset(type, [.. days.Select(day => groupsByDay[day].Where(group => group.Type == type).Sum(group => group.Cost))]))]),
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
            Sum(groups),
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

    private static TelephonyTotals Sum(IEnumerable<CallGroup> groups) => TelephonyTotals.Sum(groups.Select(group => group.Totals));
}
