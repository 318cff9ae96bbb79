using Microsoft.Extensions.Options;
using UMeetingReports.Core.Reports.Meetings;
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
    public async Task One_meeting_record_is_planned_by_its_windows_alone_and_refused_when_the_period_does_not_hold_it()
    {
        // Arrange
        var holding = new TotalsReader(1);
        var lacking = new TotalsReader(0);

        // Act
        var plan = await Planner(holding, backgroundAbove: 3).PlanAsync(Criteria(Spring) with { Uuid = "abc+/==" }, Token);
        var none = await Planner(lacking, backgroundAbove: 3).PlanAsync(Criteria(Spring) with { Uuid = "abc+/==" }, Token);

        // Assert
        Assert.Equal((3, false, false, "abc+/=="), (plan.Requests, plan.InBackground, plan.NoSuchRecord, holding.LastProbe!.Uuid));
        Assert.Equal((3, false, true), (none.Requests, none.InBackground, none.NoSuchRecord));
    }

    [Fact]
    public async Task A_download_of_the_meetings_reports_search_and_person_is_planned_by_the_meetings_listed_not_the_whole_period()
    {
        // Arrange: three months of 6,000 meetings, of which the search lists 40.
        var reader = new TotalsReader(6_000, listed: 40);

        // Act
        var narrowed = await Planner(reader, backgroundAbove: 5).PlanAsync(Criteria(Spring).NarrowedTo(" review ", "张伟"), Token);

        // Assert: three windows and no full page, streamed at once; the whole period would have made a job.
        Assert.Equal((3, false), (narrowed.Requests, narrowed.InBackground));
        Assert.Equal(("review", "张伟"), reader.LastNarrowing);
        Assert.True((await Planner(reader, backgroundAbove: 5).PlanAsync(Criteria(Spring), Token)).InBackground);
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

    private static DownloadPlanner Planner(IListedMeetingCount archive, int backgroundAbove) =>
        new(archive, Options.Create(new UMeetingOptions { MaxPageSize = 300 }), Options.Create(new ExportOptions { BackgroundAbove = backgroundAbove }));

    /// <summary>
    /// An archive that holds <c>total</c> meetings for any query, <c>listed</c> of them for a search or person (or fails
    /// to make the period present), counting the questions.
    /// </summary>
    private sealed class TotalsReader(int total, UpstreamFailure? failure = null, int? listed = null) : IListedMeetingCount
    {
        public int Probes { get; private set; }

        public MeetingQuery? LastProbe { get; private set; }

        public (string? Search, string? Participant) LastNarrowing { get; private set; }

        public Task<UpstreamResult<int>> CountAsync(MeetingQuery query, string? search, string? participant, CancellationToken cancellationToken)
        {
            Probes++;
            LastProbe = query;
            LastNarrowing = (search, participant);
            var count = search is null && participant is null ? total : listed ?? total;
            return Task.FromResult(failure is null ? UpstreamResult<int>.Success(count) : UpstreamResult<int>.Failed(failure));
        }
    }
}
