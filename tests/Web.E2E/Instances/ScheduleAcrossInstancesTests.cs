using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Web.E2E.Instances;

/// <summary>
/// The archive's schedule on two instances of one PostgreSQL database: one reads the meeting service at a time (the
/// "schedule" lease), so two fill the archive for what one costs, and when that one stops the other takes over.
/// </summary>
public sealed class ScheduleAcrossInstancesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_instances_filling_thirteen_months_ask_the_meeting_service_as_often_as_one()
    {
        // Arrange
        var since = new DateOnly(2024, 6, 1);
        var settings = Schedule(since);
        await using var alone = await SharedPostgres.CreateAsync();
        await using var shared = await SharedPostgres.CreateAsync();

        // Act
        long one;
        await using (var single = await InstanceServer.StartAsync(alone.ConnectionString, settings))
        {
            await single.WaitUntilSyncedAsync(since);
            one = single.UpstreamRequests;
        }

        await using var a = await InstanceServer.StartAsync(shared.ConnectionString, settings);
        await using var b = await InstanceServer.StartAsync(shared.ConnectionString, settings);
        var windows = await a.WaitUntilSyncedAsync(since);
        var (byA, byB) = (a.UpstreamRequests, b.UpstreamRequests);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One instance: {one} upstream requests; two instances: {byA} + {byB} = {byA + byB}."));

        // Assert
        Assert.Equal(13, windows.Count(window => window.State == MonthWindowState.Synced));
        Assert.True(one > 13, $"Filling 13 months took {one} requests: fewer than one a month proves nothing.");
        Assert.Equal(one, byA + byB);
        Assert.True(a.RunsSchedule ^ b.RunsSchedule, "Exactly one of the two instances should hold the schedule.");
    }

    [Fact]
    public async Task When_the_instance_running_the_schedule_stops_the_other_takes_over_within_one_refresh_interval()
    {
        // Arrange
        var since = new DateOnly(2025, 5, 1);
        var settings = Schedule(since);
        await using var database = await SharedPostgres.CreateAsync();
        var a = await InstanceServer.StartAsync(database.ConnectionString, settings);
        await using var b = await InstanceServer.StartAsync(database.ConnectionString, settings);
        await a.WaitUntilSyncedAsync(since);
        var (holder, other) = a.RunsSchedule ? (a, b) : (b, a);
        Assert.True(holder.RunsSchedule && !other.RunsSchedule, "One instance, and one only, should hold the schedule.");
        var currentMonth = new DateOnly(2025, 6, 1);
        var before = (await other.WindowsAsync()).Single(window => window.Month == currentMonth).CompletedAt;

        // Act
        await holder.DisposeAsync();
        var stopwatch = Stopwatch.StartNew();
        other.Clock.Advance(RefreshInterval);
        while (!other.RunsSchedule && stopwatch.Elapsed < RefreshInterval * 2)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var tookOverAfter = stopwatch.Elapsed;
        DateTime? after = before;
        while (after == before && stopwatch.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            after = (await other.WindowsAsync()).Single(window => window.Month == currentMonth).CompletedAt;
        }

        if (!ReferenceEquals(holder, a))
        {
            await a.DisposeAsync();
        }

        // Assert
        Assert.True(other.RunsSchedule, $"The other instance did not take the schedule over in {tookOverAfter}.");
        Assert.True(tookOverAfter <= RefreshInterval, $"The other instance took the schedule over after {tookOverAfter}, more than Archive:RefreshInterval ({RefreshInterval}).");
        Assert.True(after > before, $"The current month was not read again by the instance that took over (completed at {before:O}, then {after:O}).");
    }

    [Fact]
    public async Task A_month_asked_for_on_both_instances_at_once_is_read_once()
    {
        // Arrange
        var months = new[] { new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1) };
        await using var alone = await SharedPostgres.CreateAsync();
        await using var shared = await SharedPostgres.CreateAsync();

        // Act
        long one;
        await using (var single = await InstanceServer.StartAsync(alone.ConnectionString))
        {
            await single.Services.GetRequiredService<IArchiveSynchroniser>().EnsureMonthsAsync(months, null, TestContext.Current.CancellationToken);
            one = single.UpstreamRequests;
        }

        await using var a = await InstanceServer.StartAsync(shared.ConnectionString);
        await using var b = await InstanceServer.StartAsync(shared.ConnectionString);
        var outcomes = await Task.WhenAll(
            a.Services.GetRequiredService<IArchiveSynchroniser>().EnsureMonthsAsync(months, null, TestContext.Current.CancellationToken),
            b.Services.GetRequiredService<IArchiveSynchroniser>().EnsureMonthsAsync(months.Reverse(), null, TestContext.Current.CancellationToken));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One instance: {one} upstream requests; two at once: {a.UpstreamRequests} + {b.UpstreamRequests}."));

        // Assert
        Assert.All(outcomes.SelectMany(outcome => outcome), outcome => Assert.True(outcome.HasCopy, $"{outcome.Month} has no copy: {outcome.Failure}"));
        Assert.True(one >= 2, $"Reading two months took {one} requests.");
        Assert.Equal(one, a.UpstreamRequests + b.UpstreamRequests);
    }

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private static Dictionary<string, string> Schedule(DateOnly since) => new()
    {
        ["Archive:Schedule"] = "true",
        ["Archive:Since"] = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Archive:RefreshInterval"] = "00:00:10",
    };
}
