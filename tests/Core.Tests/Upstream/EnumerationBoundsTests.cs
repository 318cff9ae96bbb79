using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>
/// What a full-period read holds on to: a few month windows ahead of its consumer, and, for a one-off read such as a
/// download, no page in the cache afterwards.
/// </summary>
public sealed class EnumerationBoundsTests(SharedSimulator fixture) : IClassFixture<SharedSimulator>
{
    private static readonly DatePeriod TwelveMonths = new(new(2024, 7, 1), new(2025, 6, 14));
    private static readonly DatePeriod ThreeMonths = new(new(2025, 1, 1), new(2025, 3, 31));

    private RunningSimulator Sim => fixture.Simulator;

    [Fact]
    public async Task Reads_no_further_than_twice_the_upstream_slots_in_month_windows_ahead_of_a_consumer_that_waits()
    {
        // Arrange: one upstream slot, so two windows ahead at most.
        await using var core = CoreHarness.Create(Sim.BaseAddress, new Dictionary<string, string?> { ["UMeeting:MaxConcurrency"] = "1" });
        var windows = TwelveMonths.SplitIntoMonthWindows();
        Sim.Requests.Clear();

        // Act: take the first meeting, then hold the enumeration still.
        await using var reading = core.Reader.EnumerateAsync(new MeetingQuery(TwelveMonths), progress: null, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await reading.MoveNextAsync());
        var secondWindowAsked = await WaitUntilAsync(() => Sim.Requests.Snapshot().Any(request => request.From == windows[1].From));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

        // Assert
        Assert.True(secondWindowAsked, "The window after the first was never read ahead.");
        Assert.Equal(
            [windows[0].From, windows[1].From],
            Sim.Requests.Snapshot().Select(request => request.From!.Value).Distinct().Order());
    }

    [Fact]
    public async Task Every_read_asks_the_service_again_as_nothing_is_kept_but_the_archive()
    {
        // Arrange
        await using var core = CoreHarness.Create(Sim.BaseAddress);
        var query = new MeetingQuery(ThreeMonths, ShowParticipants: true);
        Sim.Requests.Clear();

        // Act
        var once = await CountAsync(core, query);
        var askedOnce = Sim.Requests.Count;
        var twice = await CountAsync(core, query);
        var askedTwice = Sim.Requests.Count - askedOnce;

        // Assert
        Assert.Equal(Sim.Dataset.MeetingsBetween(ThreeMonths.From, ThreeMonths.To).Count, once);
        Assert.Equal(once, twice);
        Assert.True(askedOnce >= 3, $"the premise: three windows, {askedOnce} requests");
        Assert.Equal(askedOnce, askedTwice);
    }

    private static async Task<int> CountAsync(CoreHarness core, MeetingQuery query)
    {
        var count = 0;
        await foreach (var _ in core.Reader.EnumerateAsync(query, progress: null, TestContext.Current.CancellationToken))
        {
            count++;
        }

        return count;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
