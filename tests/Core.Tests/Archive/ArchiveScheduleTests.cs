using UMeetingReports.Core.Archive;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>The rules of the schedule as plain values: which months are due at a given wall-clock moment.</summary>
public sealed class ArchiveScheduleTests
{
    private static readonly ArchiveOptions Defaults = new();

    [Fact]
    public void By_default_the_archive_keeps_the_current_month_and_the_thirteen_before_it()
    {
        var months = ArchiveSchedule.Months(ArchiveSchedule.FirstMonth(Defaults, new DateOnly(2025, 6, 15)), new DateOnly(2025, 6, 15));

        Assert.Equal(14, months.Count);
        Assert.Equal(new DateOnly(2025, 6, 1), months[0]);
        Assert.Equal(new DateOnly(2024, 5, 1), months[^1]);
    }

    [Fact]
    public void An_empty_archive_is_due_everywhere_newest_month_first()
    {
        var options = new ArchiveOptions { Since = new DateOnly(2025, 3, 20) };

        var due = ArchiveSchedule.Due(new Dictionary<DateOnly, MonthWindow>(), new DateTime(2025, 6, 15, 15, 0, 0), options);

        Assert.Equal([new DateOnly(2025, 6, 1), new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 1), new DateOnly(2025, 3, 1)], due);
    }

    [Fact]
    public void The_current_month_is_due_again_once_the_refresh_interval_has_passed_since_its_last_read()
    {
        var june = new DateOnly(2025, 6, 1);
        var window = Synced(june, readAt: new DateTime(2025, 6, 15, 15, 0, 0), settled: false);

        Assert.Equal(new DateTime(2025, 6, 15, 15, 5, 0), ArchiveSchedule.DueAt(june, window, new DateTime(2025, 6, 15, 15, 4, 0), Defaults));
    }

    [Fact]
    public void A_past_month_read_before_it_settled_is_due_once_more_two_days_after_it_ended_then_never()
    {
        var may = new DateOnly(2025, 5, 1);
        var readEarly = Synced(may, readAt: new DateTime(2025, 5, 31, 23, 0, 0), settled: false);
        var readLate = Synced(may, readAt: new DateTime(2025, 6, 3, 0, 1, 0), settled: true);

        Assert.Equal(new DateTime(2025, 6, 3, 0, 0, 0), ArchiveSchedule.DueAt(may, readEarly, new DateTime(2025, 6, 1, 12, 0, 0), Defaults));
        Assert.Null(ArchiveSchedule.DueAt(may, readLate, new DateTime(2025, 9, 1), Defaults));
    }

    [Fact]
    public void A_month_whose_first_read_failed_is_tried_again_after_the_refresh_interval()
    {
        var may = new DateOnly(2025, 5, 1);
        var failed = new MonthWindow { Month = may, State = MonthWindowState.Failed, LastReadAt = new DateTime(2025, 6, 15, 15, 0, 0), LastError = "x" };

        Assert.Equal(new DateTime(2025, 6, 15, 15, 5, 0), ArchiveSchedule.DueAt(may, failed, new DateTime(2025, 6, 15, 15, 1, 0), Defaults));
    }

    [Fact]
    public void The_wait_until_the_next_read_is_at_most_the_refresh_interval_and_ends_at_the_settle_moment()
    {
        var options = new ArchiveOptions { Since = new DateOnly(2025, 5, 1), RefreshInterval = TimeSpan.FromHours(6) };
        var now = new DateTime(2025, 6, 2, 22, 0, 0);
        var windows = new Dictionary<DateOnly, MonthWindow>
        {
            [new DateOnly(2025, 6, 1)] = Synced(new DateOnly(2025, 6, 1), readAt: now, settled: false),
            [new DateOnly(2025, 5, 1)] = Synced(new DateOnly(2025, 5, 1), readAt: new DateTime(2025, 6, 1, 1, 0, 0), settled: false),
        };

        Assert.Equal(TimeSpan.FromHours(2), ArchiveSchedule.NextWait(windows, now, options));
    }

    private static MonthWindow Synced(DateOnly month, DateTime readAt, bool settled) => new()
    {
        Month = month,
        State = MonthWindowState.Synced,
        LastReadAt = readAt,
        CompletedAt = readAt,
        Settled = settled,
    };
}
