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

    /// <summary>Always shown, in this order, even at zero: the KPI tiles and the by-type table stay in place from one period to the next.</summary>
    private static readonly string[] KnownTypes = ["call-in", "call-out", "callback"];

    /// <summary>From a complete list of meetings with their calls, grouped here in memory.</summary>
    public static TelephonyReport Build(AnalyticsFilter filter, IReadOnlyList<Meeting> meetings, RoomList rooms, bool revealPhoneNumbers, UpstreamZone zone, TextOrder names)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var groups = meetings
            .SelectMany(meeting => meeting.Telephony.Select(call => (Day: zone.DayOf(meeting.Start), meeting.HostId, Call: call)))
            .GroupBy(item => (item.Day, item.Call.Type, item.HostId, item.Call.PhoneNumber))
            .Select(group => new CallGroup(group.Key.Day, group.Key.Type, group.Key.HostId, group.Key.PhoneNumber, group.Count(), group.Sum(item => item.Call.Minutes), group.Sum(item => item.Call.Cost)))
            .ToList();
        var meetingsPerRoom = meetings.GroupBy(meeting => meeting.HostId, StringComparer.Ordinal).ToDictionary(room => room.Key, room => room.Count(), StringComparer.Ordinal);
        return Build(filter, groups, meetingsPerRoom, rooms, revealPhoneNumbers, zone, names);
    }

    /// <param name="meetingsPerRoom">Every room with a meeting in the period, calls or none, and how many it held.</param>
    /// <param name="names">The reader's order of room names: rooms whose cost ties follow it.</param>
    public static TelephonyReport Build(
        AnalyticsFilter filter, IReadOnlyList<CallGroup> groups, IReadOnlyDictionary<string, int> meetingsPerRoom, RoomList rooms, bool revealPhoneNumbers, UpstreamZone zone, TextOrder names)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(meetingsPerRoom);
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(zone);

        // One pass sums the groups by every key a table or chart shows (at ten times the demo's calls, 40,000 groups:
        // a pass per table and per chart series cost a sixth of the page).
        var total = new Tally();
        var byType = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byDay = new Dictionary<DateOnly, Tally>();
        var byDayAndType = new Dictionary<(DateOnly Day, string Type), Tally>();
        var byRoom = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byNumber = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            total.Add(group);
            TallyOf(byType, group.Type).Add(group);
            TallyOf(byDay, group.Day).Add(group);
            TallyOf(byRoom, group.HostId).Add(group);
            TallyOf(byNumber, group.PhoneNumber).Add(group);
            TallyOf(byDayAndType, (group.Day, group.Type)).Add(group);
        }

        var typeLines = ByType(byType.ToDictionary(pair => pair.Key, pair => pair.Value.Totals, StringComparer.Ordinal));
        var types = typeLines.Select(line => line.Type).ToList();

        // Every day of the period, and any day the upstream placed a meeting on outside it: a call is never dropped from the chart.
        var days = filter.Period.EachDayUntil(zone.Today).Concat(byDay.Keys).Distinct().Order().ToList();
        var dayLines = days.Select(day => new TelephonyDayLine(day, Totals(byDay, day))).ToList();

        var roomLines = meetingsPerRoom
            .Select(room => new TelephonyRoomLine(room.Key, rooms.NameOf(room.Key), room.Value, Totals(byRoom, room.Key)))
            .OrderByDescending(line => line.Totals.Cost)
            .ThenBy(line => line.RoomName, names)
            .ThenBy(line => line.HostId, StringComparer.Ordinal)
            .ToList();

        // Ranked on the whole number, masked only afterwards: two numbers that mask alike are still two lines.
        var ranked = byNumber
            .Select(number => (Number: number.Key, Totals: number.Value.Totals))
            .OrderByDescending(number => number.Totals.Cost)
            .ThenByDescending(number => number.Totals.Minutes)
            .ThenBy(number => number.Number, StringComparer.Ordinal)
            .ToList();
        var topNumbers = ranked
            .Take(TopNumberCount)
            .Select(number => new PhoneNumberLine(revealPhoneNumbers ? number.Number : PhoneNumberMask.Mask(number.Number), number.Totals))
            .ToList();
        var tiedBeyondTop = topNumbers.Count == TopNumberCount
            ? ranked.Skip(TopNumberCount).Count(number => number.Totals.Cost == topNumbers[^1].Totals.Cost)
            : 0;

        var charts = new TelephonyCharts(
            CostPerDay: new ChartSeries(
                [.. days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
                [.. types.Select(type => new ChartDataset(type, [.. days.Select(day => Totals(byDayAndType, (day, type)).Cost)]))]),
            CostPerRoom: new ChartSeries(
                [.. roomLines.Select(line => line.RoomName)],
                [new ChartDataset(SeriesNames.Cost, [.. roomLines.Select(line => line.Totals.Cost)])]),
            TopNumbers: new ChartSeries(
                [.. topNumbers.Select(line => line.PhoneNumber)],
                [new ChartDataset(SeriesNames.Cost, [.. topNumbers.Select(line => line.Totals.Cost)])]),
            MinutesByType: new ChartSeries(
                [.. typeLines.Select(line => line.Type)],
                [new ChartDataset(SeriesNames.Minutes, [.. typeLines.Select(line => (decimal)line.Totals.Minutes)])]));

        return new TelephonyReport(
            filter,
            total.Totals,
            typeLines,
            charts,
            topNumbers,
            revealPhoneNumbers,
            roomLines,
            TelephonyTotals.Sum(roomLines.Select(line => line.Totals)),
            dayLines,
            TelephonyTotals.Sum(dayLines.Select(line => line.Totals)),
            rooms.IsKnown,
            zone.Describe())
        {
            TiedBeyondTop = tiedBeyondTop,
        };
    }

    /// <summary>
    /// The by-type table of the report (and of the workbook): call-in, call-out and callback always, in that order and
    /// at zero when there was none, then any other type the service sent, by its code.
    /// </summary>
    public static IReadOnlyList<CallTypeLine> ByType(IReadOnlyDictionary<string, TelephonyTotals> byType)
    {
        ArgumentNullException.ThrowIfNull(byType);
        return
        [
            .. KnownTypes
                .Concat(byType.Keys.Where(type => !KnownTypes.Contains(type, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
                .Select(type => new CallTypeLine(type, byType.GetValueOrDefault(type) ?? TelephonyTotals.None)),
        ];
    }

    private static Tally TallyOf<TKey>(Dictionary<TKey, Tally> tallies, TKey key)
        where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies.Add(key, tally = new Tally());
        }

        return tally;
    }

    private static TelephonyTotals Totals<TKey>(Dictionary<TKey, Tally> tallies, TKey key)
        where TKey : notnull => tallies.TryGetValue(key, out var tally) ? tally.Totals : TelephonyTotals.None;

    /// <summary>Calls, minutes and cost added up in the groups' order, as <see cref="TelephonyTotals.Sum"/> adds them.</summary>
    private sealed class Tally
    {
        private int _calls;
        private int _minutes;
        private decimal _cost;

        public TelephonyTotals Totals => new(_calls, _minutes, _cost);

        public void Add(CallGroup group)
        {
            _calls += group.Calls;
            _minutes += group.Minutes;
            _cost += group.Cost;
        }
    }
}
