using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Participants;

/// <summary>
/// The participants report's sums of a period are kept while the archive holds the same copies of its months, so that
/// paging, sorting and searching the same period do not read every participant row again.
/// </summary>
public sealed class ParticipantTalliesTests : IDisposable
{
    private static readonly DatePeriod Spring = new(new(2025, 3, 1), new(2025, 4, 30));

    private static readonly DateTimeOffset Completed = new(2025, 5, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly ParticipantTallies _kept = new();

    private int _summed;

    [Fact]
    public async Task The_same_period_held_as_the_same_copies_is_summed_once()
    {
        // Act
        var first = await _kept.GetAsync(Spring, null, false, Held(Completed), () => Sum(running: false));
        var second = await _kept.GetAsync(Spring, null, false, Held(Completed), () => Sum(running: false));

        // Assert
        Assert.Equal(1, _summed);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_month_written_again_is_summed_afresh()
    {
        // Act
        await _kept.GetAsync(Spring, null, false, Held(Completed), () => Sum(running: false));
        var after = await _kept.GetAsync(Spring, null, false, Held(Completed.AddMinutes(5)), () => Sum(running: false));

        // Assert
        Assert.Equal(2, _summed);
        Assert.Equal(2, after.Meetings);
    }

    [Fact]
    public async Task A_period_with_a_meeting_still_running_is_summed_at_every_request()
    {
        // Act
        await _kept.GetAsync(Spring, null, false, Held(Completed), () => Sum(running: true));
        await _kept.GetAsync(Spring, null, false, Held(Completed), () => Sum(running: true));

        // Assert
        Assert.Equal(2, _summed);
    }

    [Fact]
    public async Task Names_revealed_and_names_masked_are_kept_apart()
    {
        // Act
        await _kept.GetAsync(Spring, null, revealPhoneNumbers: false, Held(Completed), () => Sum(running: false));
        await _kept.GetAsync(Spring, null, revealPhoneNumbers: true, Held(Completed), () => Sum(running: false));

        // Assert
        Assert.Equal(2, _summed);
    }

    [Fact]
    public async Task One_rooms_sums_are_kept_apart_from_every_rooms_and_a_blank_room_means_every_room()
    {
        // Act
        await _kept.GetAsync(Spring, null, false, Held(Completed), () => Sum(running: false));
        await _kept.GetAsync(Spring, "ROOM-A", false, Held(Completed), () => Sum(running: false));
        await _kept.GetAsync(Spring, "", false, Held(Completed), () => Sum(running: false));

        // Assert
        Assert.Equal(2, _summed);
    }

    [Fact]
    public async Task Another_period_over_the_same_months_is_summed_on_its_own()
    {
        // Arrange
        var partOfSpring = new DatePeriod(new(2025, 3, 10), new(2025, 4, 30));

        // Act
        await _kept.GetAsync(Spring, null, false, Held(Completed), () => Sum(running: false));
        await _kept.GetAsync(partOfSpring, null, false, Held(Completed), () => Sum(running: false));

        // Assert
        Assert.Equal(2, _summed);
    }

    public void Dispose() => _kept.Dispose();

    /// <summary>Spring's two months as the archive holds them, both completed at <paramref name="completed"/>.</summary>
    private static ArchivedPeriod Held(DateTimeOffset completed) => new(Spring, [
        new MonthSyncOutcome(new(2025, 3, 1), true, 1, completed, 1, null),
        new MonthSyncOutcome(new(2025, 4, 1), true, 1, completed, 1, null),
    ]);

    /// <summary>A sum as the report works it out, counted; its meetings say how many sums came before it.</summary>
    private Task<PeriodSums> Sum(bool running)
    {
        _summed++;
        PersonTally person = new("Li Lei", "Li Lei", 1, 1, TimeSpan.FromMinutes(30), Completed.AddDays(-3), Completed.AddDays(-3).AddMinutes(30), false, ["ROOM-A"]);
        return Task.FromResult(new PeriodSums(_summed, [person], running));
    }
}
