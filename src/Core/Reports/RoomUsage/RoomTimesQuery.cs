using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// <see cref="RoomTimes"/> counted by the database in one statement: the period's meetings as whole seconds of the
/// service's wall clock, cut at every hour (a recursive CTE), summed per room × weekday × hour and inside business
/// hours; the time a room was occupied as the union of those business-hour pieces (each piece adds what lies beyond
/// the latest end before it, a window function); the peaks as a running count of starts and ends. Only aggregates
/// come back: at most a row per room × weekday × hour, per room and day, per room.
/// </summary>
/// <remarks>
/// Wall-clock arithmetic is exact only where the zone's offset does not change: <see cref="Applies"/> says whether it
/// holds around a period (the service's zone, Asia/Shanghai, has had no change since 1991; a zone that keeps daylight
/// saving time never qualifies, its rules span the years); elsewhere the report counts the same figures from the
/// meetings' times in memory.
/// </remarks>
internal static class RoomTimesQuery
{
    private enum Kind
    {
        Cell = 1,
        BusinessTime = 2,
        Occupied = 3,
        RoomPeak = 4,
        AccountPeak = 5,
        Starts = 6,
    }

    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    /// <summary>Whether the zone keeps one offset from a day before the period to a day after it (and so wall-clock seconds are real seconds).</summary>
    public static bool Applies(UpstreamZone zone, DatePeriod period)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var from = period.From.AddDays(-1).ToDateTime(TimeOnly.MinValue);
        var until = period.To.AddDays(2).ToDateTime(TimeOnly.MinValue);
        return !zone.TimeZone.GetAdjustmentRules().Any(rule =>
            rule.DateStart <= until && rule.DateEnd >= from && (rule.DaylightDelta != TimeSpan.Zero || rule.BaseUtcOffsetDelta != TimeSpan.Zero))
            && zone.TimeZone.GetUtcOffset(from) == zone.TimeZone.GetUtcOffset(until);
    }

    public static async Task<RoomTimes> ReadAsync(
        ArchiveContext context, DatePeriod period, UsageFrame frame, BusinessHoursOptions options, UpstreamZone zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        var (from, until) = ArchiveReader.Bounds(period);
        var seconds = context.Database.IsNpgsql()
            ? (Func<string, string>)(column => $"CAST(EXTRACT(EPOCH FROM {column}) AS bigint)")
            : column => $"CAST(strftime('%s', {column}) AS INTEGER)";

        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Statement(seconds, options.BusinessDays);
            Add(command, "from", from);
            Add(command, "until", until);
            Add(command, "now", SecondsOf(zone.WallClockOf(frame.Now)));
            Add(command, "counted", SecondsOf(zone.WallClockOf(frame.Counted.End)));
            Add(command, "open", (long)options.Start.ToTimeSpan().TotalSeconds);
            Add(command, "close", (long)options.End.ToTimeSpan().TotalSeconds);

            var rooms = new Dictionary<string, (int Peak, long Occupied, long MeetingTime)>(StringComparer.Ordinal);
            var cells = new Dictionary<string, TimeSpan[,]>(StringComparer.Ordinal);
            var starts = new Dictionary<string, Dictionary<DateOnly, (int Regular, int Overflow)>>(StringComparer.Ordinal);
            var accountPeak = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var kind = (Kind)reader.GetInt64(0);
                var hostId = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
                var (first, second, value) = (reader.GetInt64(2), reader.GetInt64(3), reader.IsDBNull(4) ? 0 : reader.GetInt64(4));
                var room = rooms.GetValueOrDefault(hostId);
                switch (kind)
                {
                    case Kind.Cell:
                        if (!cells.TryGetValue(hostId, out var roomCells))
                        {
                            cells.Add(hostId, roomCells = new TimeSpan[7, 24]);
                        }

                        roomCells[first, second] = TimeSpan.FromSeconds(value);
                        break;
                    case Kind.BusinessTime:
                        rooms[hostId] = room with { MeetingTime = value };
                        break;
                    case Kind.Occupied:
                        rooms[hostId] = room with { Occupied = value };
                        break;
                    case Kind.RoomPeak:
                        rooms[hostId] = room with { Peak = (int)value };
                        break;
                    case Kind.AccountPeak:
                        accountPeak = (int)value;
                        break;
                    case Kind.Starts:
                        if (!starts.TryGetValue(hostId, out var roomDays))
                        {
                            starts.Add(hostId, roomDays = []);
                        }

                        var day = DateOnly.FromDateTime(Epoch).AddDays((int)first);
                        var counts = roomDays.GetValueOrDefault(day);
                        roomDays[day] = second == 1 ? counts with { Overflow = (int)value } : counts with { Regular = (int)value };
                        break;
                    default:
                        throw new InvalidOperationException($"The room times statement gave a row of unknown kind {kind}.");
                }
            }

            return new RoomTimes(
                rooms.ToDictionary(room => room.Key, room => new RoomTime(room.Value.Peak, TimeSpan.FromSeconds(room.Value.Occupied), TimeSpan.FromSeconds(room.Value.MeetingTime)), StringComparer.Ordinal),
                accountPeak,
                cells,
                starts.ToDictionary(room => room.Key, room => (IReadOnlyDictionary<DateOnly, (int, int)>)room.Value, StringComparer.Ordinal));
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Whole seconds of a wall-clock time since 1970-01-01 00:00 of the same wall clock.</summary>
    private static long SecondsOf(DateTime wallClock) => (wallClock - Epoch).Ticks / TimeSpan.TicksPerSecond;

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        if (value is long)
        {
            parameter.DbType = DbType.Int64;
        }

        // A wall-clock time (Kind Unspecified) keeps its provider's own type: PostgreSQL's timestamp without time zone.
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// The statement. Every time is whole seconds since 1970-01-01 of the wall clock, so day = s / 86400, its weekday
    /// (s / 86400 + 4) % 7 (1970-01-01 was a Thursday; 0 is Sunday as in .NET) and its hour (s % 86400) / 3600, the
    /// same in both databases; only reading a timestamp as seconds differs (<paramref name="seconds"/>).
    /// </summary>
    private static string Statement(Func<string, string> seconds, IReadOnlyList<DayOfWeek> businessDays)
    {
        var days = string.Join(", ", businessDays.Select(day => ((int)day).ToString(CultureInfo.InvariantCulture)));
        return $"""
            WITH RECURSIVE spans AS (
              SELECT m.host_id AS host_id, CASE WHEN m.is_extra THEN 1 ELSE 0 END AS extra, {seconds("m.start_time")} AS s, {seconds("m.end_time")} AS e0
              FROM meetings m WHERE m.start_time >= @from AND m.start_time < @until
            ),
            runs AS (
              SELECT host_id, extra, s,
                CASE WHEN e0 IS NULL THEN (CASE WHEN @now > s THEN @now ELSE s END) WHEN e0 > s THEN e0 ELSE s END AS e
              FROM spans
            ),
            cuts AS (
              SELECT host_id, s AS a, CASE WHEN e < @counted THEN e ELSE @counted END AS ce FROM runs WHERE s < e AND s < @counted
              UNION ALL
              SELECT host_id, (a / 3600 + 1) * 3600, ce FROM cuts WHERE (a / 3600 + 1) * 3600 < ce
            ),
            pieces AS (
              SELECT host_id, a, CASE WHEN (a / 3600 + 1) * 3600 < ce THEN (a / 3600 + 1) * 3600 ELSE ce END AS b, (a / 86400) * 86400 AS day0, (a / 86400 + 4) % 7 AS dow, (a % 86400) / 3600 AS hr
              FROM cuts
            ),
            business AS (
              SELECT host_id, bs, be FROM (
                SELECT host_id, CASE WHEN a > day0 + @open THEN a ELSE day0 + @open END AS bs, CASE WHEN b < day0 + @close THEN b ELSE day0 + @close END AS be
                FROM pieces WHERE dow IN ({days})
              ) inside WHERE be > bs
            ),
            events AS (
              SELECT host_id, s AS t, 1 AS step, 1 AS turn FROM runs
              UNION ALL
              SELECT host_id, e AS t, -1 AS step, CASE WHEN e = s THEN 2 ELSE 0 END AS turn FROM runs
            )
            SELECT {(int)Kind.Cell} AS kind, host_id, CAST(dow AS bigint), CAST(hr AS bigint), CAST(SUM(b - a) AS bigint) FROM pieces GROUP BY host_id, dow, hr
            UNION ALL
            SELECT {(int)Kind.BusinessTime}, host_id, 0, 0, CAST(SUM(be - bs) AS bigint) FROM business GROUP BY host_id
            UNION ALL
            SELECT {(int)Kind.Occupied}, host_id, 0, 0, CAST(SUM(CASE WHEN latest IS NULL OR latest <= bs THEN be - bs WHEN latest < be THEN be - latest ELSE 0 END) AS bigint)
            FROM (SELECT host_id, bs, be, MAX(be) OVER (PARTITION BY host_id ORDER BY bs, be ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest FROM business) ordered
            GROUP BY host_id
            UNION ALL
            SELECT {(int)Kind.RoomPeak}, host_id, 0, 0, CAST(MAX(held) AS bigint)
            FROM (SELECT host_id, SUM(step) OVER (PARTITION BY host_id ORDER BY t, turn ROWS UNBOUNDED PRECEDING) AS held FROM events) counted
            GROUP BY host_id
            UNION ALL
            SELECT {(int)Kind.AccountPeak}, NULL, 0, 0, CAST(MAX(held) AS bigint)
            FROM (SELECT SUM(step) OVER (ORDER BY t, turn ROWS UNBOUNDED PRECEDING) AS held FROM events) counted
            UNION ALL
            SELECT {(int)Kind.Starts}, host_id, CAST(s / 86400 AS bigint), CAST(extra AS bigint), CAST(COUNT(*) AS bigint) FROM runs GROUP BY host_id, s / 86400, extra
            """;
    }
}
