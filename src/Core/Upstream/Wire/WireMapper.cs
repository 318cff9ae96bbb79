using System.Globalization;

namespace UMeetingReports.Core.Upstream.Wire;

/// <summary>Turns the upstream's wire records into meeting records, attaching the upstream's zone to every time.</summary>
internal static class WireMapper
{
    // Single-letter specifiers accept one or two digits, so the echo's "2017-8-31" and a padded
    // "2017-09-01" both read; the same tolerance costs nothing for the times.
    private static readonly string[] DateFormats = ["yyyy-M-d"];
    private static readonly string[] TimeFormats = ["yyyy-M-d H:m:s", "yyyy-M-d H:m"];

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The period the upstream says it answered for, or null when the echo is missing or unreadable.</summary>
    public static DatePeriod? ReadEcho(DetailData data)
    {
        if (!TryParseDate(data.From, out var from) || !TryParseDate(data.To, out var to) || to < from)
        {
            return null;
        }

        return new DatePeriod(from, to);
    }

    public static IReadOnlyList<Meeting> ToMeetings(IReadOnlyList<WireMeeting>? meetings, UpstreamZone zone) =>
        meetings is null ? [] : [.. meetings.Select(meeting => ToMeeting(meeting, zone))];

    public static Meeting ToMeeting(WireMeeting meeting, UpstreamZone zone)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new Meeting(
            Uuid: Required(meeting.Uuid, "uuid"),
            HostId: Required(meeting.HostId, "host_id"),
            MeetingId: meeting.MeetingId ?? "",
            Topic: meeting.Topic ?? "",
            Start: RequiredTime(meeting.StartTime, "start_time", zone),
            ScheduledMinutes: meeting.Duration,
            End: OptionalTime(meeting.EndTime, "end_time", zone),
            IsExtra: meeting.IsExtra,
            Participants: meeting.Participants is null ? [] : [.. meeting.Participants.Select(participant => new Participant(
                participant.Name ?? "",
                RequiredTime(participant.JoinTime, "participants.join_time", zone),
                OptionalTime(participant.LeaveTime, "participants.leave_time", zone)))],
            Telephony: meeting.TelephonyUsage is null ? [] : [.. meeting.TelephonyUsage.Select(call => new TelephonyCall(
                call.PhoneNumber ?? "",
                call.Type ?? "",
                RequiredTime(call.StartTime, "telephony_usage.start_time", zone),
                OptionalTime(call.EndTime, "telephony_usage.end_time", zone),
                call.Duration,
                call.Total))]);
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw new WireFormatException($"a meeting had no {field}") : value;

    private static DateTimeOffset RequiredTime(string? text, string field, UpstreamZone zone) =>
        OptionalTime(text, field, zone) ?? throw new WireFormatException($"a meeting had no {field}");

    /// <summary>Empty or null means "not yet": still running, still connected.</summary>
    private static DateTimeOffset? OptionalTime(string? text, string field, UpstreamZone zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        if (!TryParseCanonical(trimmed, out var wallClock)
            && !DateTime.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out wallClock))
        {
            throw new WireFormatException($"{field} was not a yyyy-MM-dd HH:mm:ss time");
        }

        return zone.Attach(wallClock);
    }

    /// <summary>
    /// "yyyy-MM-dd HH:mm:ss", the form every time of the service has, read digit by digit: TryParseExact with the
    /// tolerant formats matches the separators through culture-aware comparisons, about 5 % of a first fill's CPU samples.
    /// Anything else, an impossible date included, is left to TryParseExact, which decides as before.
    /// </summary>
    private static bool TryParseCanonical(ReadOnlySpan<char> text, out DateTime wallClock)
    {
        wallClock = default;
        if (text.Length != 19 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        wallClock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}

/// <summary>The body was JSON but not the documented shape. The message is safe to show: it names fields, not values.</summary>
internal sealed class WireFormatException(string message) : Exception(message);
