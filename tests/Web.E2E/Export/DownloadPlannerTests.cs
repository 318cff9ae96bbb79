using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Pages.Downloads;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>
/// When a download streams and when it becomes a job: plain objects, an archive that only answers with a period's
/// count of meetings (page size 300), and counts of the questions it was asked.
/// </summary>
public sealed class DownloadPlannerTests
{
    private static readonly DatePeriod May = new(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));
    private static readonly DatePeriod Spring = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 31));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 1)]
    [InlineData(299, 1)]
    [InlineData(300, 2)]
    [InlineData(899, 3)]
    [InlineData(900, 4)]
    public async Task A_month_needs_its_window_plus_one_request_for_every_full_page_of_its_total(int total, int requests)
    {
        // Arrange
        var reader = new TotalsReader(total);

        // Act
        var plan = await Planner(reader, backgroundAbove: 24).PlanAsync(Criteria(May), Token);

        // Assert
        Assert.Equal((requests, false), (plan.Requests, plan.InBackground));
        Assert.Equal(1, reader.Probes);
    }

    [Fact]
    public async Task More_requests_than_allowed_make_a_job_and_exactly_as_many_stream()
    {
        // Arrange
        var reader = new TotalsReader(600);

        // Act
        var atTheLimit = await Planner(reader, backgroundAbove: 5).PlanAsync(Criteria(Spring), Token);
        var pastTheLimit = await Planner(reader, backgroundAbove: 4).PlanAsync(Criteria(Spring), Token);

        // Assert: three windows and two full pages of the whole period's 600.
        Assert.Equal((5, false), (atTheLimit.Requests, atTheLimit.InBackground));
        Assert.Equal((5, true), (pastTheLimit.Requests, pastTheLimit.InBackground));
    }

    [Fact]
    public async Task More_month_windows_than_allowed_make_a_job_without_asking_the_upstream()
    {
        // Arrange
        var reader = new TotalsReader(10);

        // Act
        var plan = await Planner(reader, backgroundAbove: 2).PlanAsync(Criteria(Spring), Token);

        // Assert
        Assert.Equal((3, true, 0), (plan.Requests, plan.InBackground, reader.Probes));
    }

    [Fact]
    public async Task One_meeting_record_is_planned_by_its_windows_alone()
    {
        // Arrange
        var reader = new TotalsReader(100_000);

        // Act
        var plan = await Planner(reader, backgroundAbove: 3).PlanAsync(Criteria(Spring) with { Uuid = "abc+/==" }, Token);

        // Assert
        Assert.Equal((3, false, 0), (plan.Requests, plan.InBackground, reader.Probes));
    }

    [Fact]
    public async Task A_period_that_cannot_be_made_present_is_the_plan_so_that_nothing_is_written()
    {
        // Arrange
        var failure = new UpstreamUnreachable(May, "HTTP 503");
        var reader = new TotalsReader(0, failure);

        // Act
        var plan = await Planner(reader, backgroundAbove: 24).PlanAsync(Criteria(May), Token);

        // Assert
        Assert.Same(failure, plan.Failure);
        Assert.False(plan.InBackground);
    }

    [Fact]
    public async Task The_count_asks_for_the_exports_own_query_so_that_its_months_are_in_the_archive_for_the_export()
    {
        // Arrange
        var reader = new TotalsReader(10);

        // Act
        await Planner(reader, backgroundAbove: 24).PlanAsync(Criteria(May) with { HostId = "room-1" }, Token);

        // Assert
        Assert.Equal(new MeetingQuery(May, "room-1", null, ShowParticipants: true, ShowTelephonyUsage: true), reader.LastProbe);
    }

    private static ExportCriteria Criteria(DatePeriod period) => new(period, null, null, null);

    private static DownloadPlanner Planner(IArchiveMeetingCount archive, int backgroundAbove) =>
        new(archive, Options.Create(new UMeetingOptions { MaxPageSize = 300 }), Options.Create(new ExportOptions { BackgroundAbove = backgroundAbove }));

    /// <summary>An archive that holds <c>total</c> meetings for any query (or fails to make the period present), counting the questions.</summary>
    private sealed class TotalsReader(int total, UpstreamFailure? failure = null) : IArchiveMeetingCount
    {
        public int Probes { get; private set; }

        public MeetingQuery? LastProbe { get; private set; }

        public Task<UpstreamResult<int>> CountAsync(MeetingQuery query, CancellationToken cancellationToken)
        {
            Probes++;
            LastProbe = query;
            return Task.FromResult(failure is null ? UpstreamResult<int>.Success(total) : UpstreamResult<int>.Failed(failure));
        }
    }
}
