using UMeetingReports.Web.Hosting;

namespace UMeetingReports.Web.E2E.Hosting;

/// <summary>
/// When the process gives its heap's reserve back: each number is the running total of allocated bytes read at one
/// interval, as <see cref="IdleMemoryTrim"/> reads it.
/// </summary>
public sealed class IdleWatchTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void A_burst_of_work_followed_by_a_quiet_interval_is_trimmed_once()
    {
        // Arrange
        var watch = new IdleWatch();

        // Act
        var decisions = Read(watch, 0, 50 * MiB, 100 * MiB, 101 * MiB, 101 * MiB + 100_000, 101 * MiB + 200_000);

        // Assert
        Assert.Equal([false, false, false, true, false, false], decisions);
    }

    [Fact]
    public void Steady_work_is_never_interrupted()
    {
        // Arrange
        var watch = new IdleWatch();

        // Act
        var decisions = Read(watch, [.. Enumerable.Range(0, 20).Select(interval => interval * 30 * MiB)]);

        // Assert
        Assert.DoesNotContain(true, decisions);
    }

    [Fact]
    public void Quiet_after_too_little_work_is_not_worth_a_pause()
    {
        // Arrange
        var watch = new IdleWatch();

        // Act: a scrape, a health probe and a small page now and then, never the work of a report over months.
        var decisions = Read(watch, 0, 1 * MiB, 2 * MiB, 10 * MiB, 11 * MiB, 20 * MiB, 21 * MiB, 30 * MiB, 31 * MiB);

        // Assert
        Assert.DoesNotContain(true, decisions);
    }

    [Fact]
    public void Small_work_adds_up_until_it_is_worth_a_trim()
    {
        // Arrange
        var watch = new IdleWatch();

        // Act: 40 MiB, quiet, 40 MiB more, quiet: the second quiet interval follows 80 MiB of work since any trim.
        var decisions = Read(watch, 0, 40 * MiB, 40 * MiB, 80 * MiB, 80 * MiB);

        // Assert
        Assert.Equal([false, false, false, false, true], decisions);
    }

    [Fact]
    public void The_first_reading_only_sets_where_counting_starts()
    {
        // Arrange
        var watch = new IdleWatch();

        // Act: a process that allocated a lot before the first reading (its start) and then went quiet.
        var decisions = Read(watch, 500 * MiB, 500 * MiB, 500 * MiB);

        // Assert
        Assert.DoesNotContain(true, decisions);
    }

    private static bool[] Read(IdleWatch watch, params long[] totals) => [.. totals.Select(watch.ShouldTrim)];
}
