using System.Globalization;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Pages.Downloads;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>What one job tells its page and its progress poll, from the exporter's progress reports: plain objects.</summary>
public sealed class ExportJobTests
{
    private static readonly DatePeriod Spring = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 31));

    [Fact]
    public void A_new_job_waits_with_its_months_known_and_no_page_of_the_service_counted()
    {
        // Arrange
        using var job = Job();

        // Act
        var status = job.Status();

        // Assert
        Assert.Equal(new ExportJobStatus("waiting", "gathering", 0, 3, 0, 0, 0, null, 0), status);
        Assert.False(status.Ended);
    }

    [Fact]
    public void The_bar_gives_the_reading_nine_tenths_and_never_moves_back_when_a_month_turns_out_to_have_more_pages()
    {
        // Arrange
        using var job = Job();
        job.Started();
        var percents = new List<int>();

        // Act
        foreach (var progress in new ExportProgress[]
        {
            new(ExportStage.Gathering, new GatherProgress(0, 3, 2, 4, 600), 700, null),
            new(ExportStage.Gathering, new GatherProgress(1, 3, 2, 6, 900), 1_000, null),
            new(ExportStage.Gathering, new GatherProgress(3, 3, 6, 6, 1_800), 2_000, null),
            new(ExportStage.Writing, new GatherProgress(3, 3, 6, 6, 1_800), 1_000, 2_000),
        })
        {
            job.Report(progress);
            percents.Add(job.Status().Percent);
        }

        // Assert
        Assert.Equal([45, 45, 90, 95], percents);
        Assert.Equal(("running", "writing", 1_000L, (long?)2_000), (job.Status().State, job.Status().Stage, job.Status().Rows, job.Status().RowsTotal));
    }

    [Fact]
    public void A_period_the_archive_holds_moves_the_bar_by_its_months_as_no_page_of_the_service_is_read()
    {
        // Arrange
        using var job = Job();
        job.Started();
        var percents = new List<int>();

        // Act
        foreach (var progress in new ExportProgress[]
        {
            new(ExportStage.Gathering, new GatherProgress(1, 3, 0, 0, 600), 700, null),
            new(ExportStage.Gathering, new GatherProgress(2, 3, 0, 0, 1_200), 1_400, null),
            new(ExportStage.Gathering, new GatherProgress(3, 3, 0, 0, 1_800), 2_000, null),
        })
        {
            job.Report(progress);
            percents.Add(job.Status().Percent);
        }

        // Assert
        Assert.Equal([30, 60, 90], percents);
    }

    [Fact]
    public void A_done_job_shows_a_full_bar_and_a_cancelled_one_says_so()
    {
        // Arrange
        using var done = Job();
        using var cancelled = Job();
        var now = new DateTimeOffset(2025, 6, 15, 7, 0, 0, TimeSpan.Zero);

        // Act
        done.Ended(ExportJobState.Done, now, ExportOutcome.Completed(10, [new ExportedSheet("Meetings", 3)]));
        cancelled.Ended(ExportJobState.Cancelled, now);

        // Assert
        Assert.Equal(("done", 100, true), (done.Status().State, done.Status().Percent, done.Status().Ended));
        Assert.Equal(("cancelled", 0, true), (cancelled.Status().State, cancelled.Status().Percent, cancelled.Status().Ended));
    }

    private static ExportJob Job()
    {
        var criteria = new ExportCriteria(Spring, null, null, null);
        return new ExportJob("ana", criteria, criteria.ToRequest("ana", false, DateTimeOffset.UnixEpoch, CultureInfo.GetCultureInfo("en")), "file.xlsx", "/nowhere", DateTimeOffset.UnixEpoch);
    }
}
