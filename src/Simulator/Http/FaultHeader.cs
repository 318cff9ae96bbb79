using System.Globalization;
using UMeetingReports.Simulator.Faults;

namespace UMeetingReports.Simulator.Http;

/// <summary>
/// The per-request switch <c>X-Simulator-Fault: &lt;FaultKind&gt;[;delay=ms][;retry-after=s][;status=n]</c>, handy
/// for a manual curl: it applies to that one request only and leaves programmed faults untouched.
/// </summary>
internal static class FaultHeader
{
    public const string Name = "X-Simulator-Fault";

    public static bool TryParse(string value, out FaultRule? rule, out string? problem)
    {
        rule = null;
        problem = null;
        var parts = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !Enum.TryParse<FaultKind>(parts[0], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            problem = $"{Name}: unknown fault kind; use one of {string.Join(", ", Enum.GetNames<FaultKind>())}.";
            return false;
        }

        TimeSpan? delay = null;
        int? retryAfter = null;
        int? status = null;
        foreach (var part in parts.Skip(1))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                problem = $"{Name}: '{part}' is not name=whole-number.";
                return false;
            }

            switch (pair[0].ToUpperInvariant())
            {
                case "DELAY":
                    delay = TimeSpan.FromMilliseconds(number);
                    break;
                case "RETRY-AFTER":
                    retryAfter = number;
                    break;
                case "STATUS":
                    status = number;
                    break;
                default:
                    problem = $"{Name}: unknown setting '{pair[0]}'; use delay, retry-after or status.";
                    return false;
            }
        }

        rule = new FaultRule(kind, Times: 1, Delay: delay, RetryAfterSeconds: retryAfter, Status: status);
        return true;
    }
}
