using System.Globalization;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Gather.Bench;

/// <summary>What the benchmark simulates and how Core is configured; every value can be changed on the command line.</summary>
internal sealed record GatherSettings
{
    /// <summary>UMeetingOptions' own default, compared once to show what the politeness limit costs a cold read.</summary>
    public const int DefaultRequestsPerSecond = 10;

    public const string Usage =
        "usage: Gather.Bench [--months 12] [--meetings-per-room-per-day 10] [--latency-ms 100] [--max-concurrency 4] "
        + "[--requests-per-second 200] [--max-page-size 300] [--warm-ups 3] [--repetitions 3] [--today 2025-06-15] [--no-default-rate]";

    /// <summary>The simulator's last day of data, pinned so every run reads the same meetings (the tests' day).</summary>
    public DateOnly Today { get; init; } = new(2025, 6, 15);

    public int Months { get; init; } = 12;

    /// <summary>More than the demo's 3, so a month window spans several upstream pages, as a busy account's does.</summary>
    public double MeetingsPerRoomPerDay { get; init; } = 10;

    public int LatencyMilliseconds { get; init; } = 100;

    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// High enough that the rate limit does not bind (4 calls of 100 ms need 40 a second), low enough that the
    /// limiter's refill timer still ticks (see bench/README.md: above 250 it stops refilling).
    /// </summary>
    public int RequestsPerSecond { get; init; } = 200;

    public int MaxPageSize { get; init; } = 300;

    /// <summary>Gatherings before the measured ones, the first of them reported as the fresh process's.</summary>
    public int WarmUps { get; init; } = 3;

    /// <summary>Cold gatherings measured; the median is the figure.</summary>
    public int Repetitions { get; init; } = 3;

    public bool CompareDefaultRate { get; init; } = true;

    /// <summary>Days of history: the period plus the month before it, so the first window is full.</summary>
    public int Days => Today.DayNumber - Period().From.AddMonths(-1).DayNumber + 1;

    /// <summary>The last <see cref="Months"/> whole calendar months before the month of <see cref="Today"/>: all in the past, cached long.</summary>
    public DatePeriod Period()
    {
        var firstOfThisMonth = new DateOnly(Today.Year, Today.Month, 1);
        return new DatePeriod(firstOfThisMonth.AddMonths(-Months), firstOfThisMonth.AddDays(-1));
    }

    public static bool TryParse(string[] args, out GatherSettings settings, out string problem)
    {
        var current = new GatherSettings();
        (settings, problem) = (current, "");
        for (var index = 0; index < args.Length; index++)
        {
            var name = args[index];
            if (name == "--no-default-rate")
            {
                current = current with { CompareDefaultRate = false };
                continue;
            }

            if (index + 1 >= args.Length)
            {
                problem = $"{name} needs a value.";
                return false;
            }

            var value = args[++index];
            var parsed = name switch
            {
                "--months" => Whole(value, 1, 24, number => current with { Months = number }),
                "--meetings-per-room-per-day" => Fraction(value, 0, 50, number => current with { MeetingsPerRoomPerDay = number }),
                "--latency-ms" => Whole(value, 0, 10_000, number => current with { LatencyMilliseconds = number }),
                "--max-concurrency" => Whole(value, 1, 32, number => current with { MaxConcurrency = number }),
                "--requests-per-second" => Whole(value, 1, 1000, number => current with { RequestsPerSecond = number }),
                "--warm-ups" => Whole(value, 1, 20, number => current with { WarmUps = number }),
                "--repetitions" => Whole(value, 1, 20, number => current with { Repetitions = number }),
                "--max-page-size" => Whole(value, 10, 10_000, number => current with { MaxPageSize = number }),
                "--today" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? current with { Today = day }
                    : null,
                _ => null,
            };
            if (parsed is null)
            {
                problem = $"{name} {value} is not an option with a value it accepts.";
                return false;
            }

            current = parsed;
        }

        settings = current;
        return true;
    }

    private static GatherSettings? Whole(string value, int min, int max, Func<int, GatherSettings> apply) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? apply(number)
            : null;

    private static GatherSettings? Fraction(string value, double min, double max, Func<double, GatherSettings> apply) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? apply(number)
            : null;
}
