using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;
using UMeetingReports.Web.Pages.Downloads;

namespace UMeetingReports.Web.E2E.Export;

/// <summary>
/// A server where every download of more than one upstream request is a background job, one job reads at a time,
/// a user may have two waiting or running, and a finished job lives ten seconds of a clock the tests move. Its
/// accounts are <see cref="AccountsServer"/>'s: the demo's name as Admin, and a Viewer.
/// </summary>
public sealed class ExportJobsServer() : ClockedServer(new DateTimeOffset(2025, 6, 15, 7, 0, 0, TimeSpan.Zero))
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:Users:0:Name"] = DemoAccount.UserName,
        ["Auth:Users:0:PasswordHash"] = Hash(DemoAccount.Password),
        ["Auth:Users:0:Role"] = "Admin",
        ["Auth:Users:1:Name"] = ViewerAccount.UserName,
        ["Auth:Users:1:PasswordHash"] = Hash(ViewerAccount.Password),
        ["Auth:Users:1:Role"] = "Viewer",
        ["Exports:BackgroundAbove"] = "1",
        ["Exports:MaxConcurrentJobs"] = "1",
        ["Exports:MaxJobsPerUser"] = "2",
        ["Exports:JobLifetime"] = "00:00:10",
    };

    private static string Hash(string password) => new PasswordHasher<object>().HashPassword(new object(), password);
}

/// <summary>
/// Background downloads over HTTP: /export answers with a redirect to the job's page; the job, its progress and its
/// file answer their owner only; the file can be downloaded again, whole, in ranges or asked its length, until the job
/// has outlived Exports:JobLifetime, and is gone then;
/// a cancelled job keeps nothing; jobs beyond Exports:MaxConcurrentJobs wait, and beyond Exports:MaxJobsPerUser are refused.
/// </summary>
public sealed class ExportJobsHttpTests(ExportJobsServer server) : IClassFixture<ExportJobsServer>, IAsyncLifetime
{
    private readonly HttpSession _admin = new(server.RootUri);
    private readonly HttpSession _viewer = new(server.RootUri);

    private SimulatorDataset Dataset => server.Services.GetRequiredService<SimulatorDataset>();

    private SimulatorFaults Faults => server.Services.GetRequiredService<SimulatorFaults>();

    private ExportJobs Jobs => server.Services.GetRequiredService<ExportJobs>();

    public async ValueTask InitializeAsync()
    {
        Faults.Clear();
        await _admin.SignInAsDemoAdminAsync();
        await _viewer.SignInAsync(ViewerAccount.UserName, ViewerAccount.Password);
    }

    public ValueTask DisposeAsync()
    {
        Faults.Clear();
        _admin.Dispose();
        _viewer.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_long_download_becomes_a_job_whose_page_progress_and_file_only_its_owner_can_reach()
    {
        // Arrange: two months are a job without a probe; the first is slowed down so that the job is still running
        // while the others knock.
        SlowDown(new DateOnly(2025, 1, 1), TimeSpan.FromSeconds(2));

        // Act
        using var started = await _admin.GetAsync("/export?from=2025-01-01&to=2025-02-28&format=xlsx");
        var id = JobIdOf(started);
        var (ownersStatus, ownersPage) = await _admin.GetPageAsync($"/downloads/{id}");
        var (viewersStatus, _) = await _viewer.GetPageAsync($"/downloads/{id}");
        using var viewersPoll = await _viewer.GetAsync($"/downloads/{id}/status");
        using var viewersFile = await _viewer.GetAsync($"/downloads/{id}/file");
        using var anonymous = new HttpSession(server.RootUri);
        using var anonymousPoll = await anonymous.GetAsync($"/downloads/{id}/status");
        var done = await WaitForStateAsync(_admin, id, "done");
        using var viewersLateFile = await _viewer.GetAsync($"/downloads/{id}/file");

        // Assert
        Assert.Equal(HttpStatusCode.OK, ownersStatus);
        Assert.Equal(1, Hooks.Count(ownersPage, "download-progress"));
        Assert.Equal("umeeting-meetings_2025-01-01_2025-02-28.xlsx", Hooks.Text(ownersPage, "download-file-name"));
        Assert.Equal(HttpStatusCode.NotFound, viewersStatus);
        Assert.Equal(HttpStatusCode.NotFound, viewersPoll.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viewersFile.StatusCode);
        Assert.Equal(HttpStatusCode.Found, anonymousPoll.StatusCode);
        Assert.Equal(100, done.GetProperty("percent").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, viewersLateFile.StatusCode);
    }

    [Fact]
    public async Task A_finished_jobs_file_is_the_whole_workbook_and_its_owner_downloads_the_same_bytes_again()
    {
        // Arrange: a save the browser lost, or a second copy, is the same address asked again.
        var truth = Dataset.MeetingsBetween(new DateOnly(2024, 11, 1), new DateOnly(2024, 12, 31));
        using var started = await _admin.GetAsync("/export?from=2024-11-01&to=2024-12-31&format=xlsx");
        var id = JobIdOf(started);
        var path = (await Jobs.FindAsync(DemoAccount.UserName, id, TestContext.Current.CancellationToken))!.FilePath;
        await WaitForStateAsync(_admin, id, "done");
        var (_, readyPage) = await _admin.GetPageAsync($"/downloads/{id}");

        // Act
        var first = await _admin.FetchAsync(Hooks.Href(readyPage, "download-ready")!);
        var second = await _admin.FetchAsync(Hooks.Href(readyPage, "download-ready")!);
        using var workbook = DownloadedFiles.Workbook(second.Bytes);

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Equal("umeeting-meetings_2024-11-01_2024-12-31.xlsx", second.FileName);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(truth.Select(meeting => meeting.Uuid), workbook.Worksheet("Meetings").ColumnValues("Meeting UUID"));
        Assert.Equal(truth.Count.ToString(CultureInfo.InvariantCulture), Attribute(readyPage, "Meetings"));
        Assert.True(File.Exists(path), "The job's file was deleted although the job has not expired.");
    }

    [Fact]
    public async Task The_page_of_a_downloaded_job_still_offers_its_file_and_says_until_when()
    {
        // Arrange: downloaded once from its page.
        using var started = await _admin.GetAsync("/export?from=2024-11-01&to=2024-12-31&format=csv&table=meetings");
        var id = JobIdOf(started);
        await WaitForStateAsync(_admin, id, "done");
        var (_, readyPage) = await _admin.GetPageAsync(started.Headers.Location!.OriginalString);
        using var downloaded = await _admin.GetAsync(Hooks.Href(readyPage, "download-ready")!);
        var zone = server.Services.GetRequiredService<UpstreamZone>();
        var until = TimeZoneInfo.ConvertTime((await Jobs.FindAsync(DemoAccount.UserName, id, TestContext.Current.CancellationToken))!.KeptUntil!.Value, zone.TimeZone);

        // Act
        var (status, pageAfter) = await _admin.GetPageAsync(started.Headers.Location!.OriginalString);

        // Assert: this server keeps a file ten seconds after its job ended, on the test's clock, read in the service's zone.
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Hooks.Href(readyPage, "download-ready"), Hooks.Href(pageAfter, "download-ready"));
        Assert.Equal(0, Hooks.Count(pageAfter, "download-gone"));
        Assert.Equal(
            $"You can download it again, as often as you need, until {until.ToString(until.Date == zone.Now.Date ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}; the file is then deleted from the server.",
            Assert.Single(Hooks.Texts(pageAfter, "download-kept")));
        Assert.Equal(until.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Hooks.Value(pageAfter, "download-kept-until"));
    }

    [Fact]
    public async Task A_range_of_a_finished_jobs_file_is_answered_206_with_those_bytes_as_a_resumed_download_asks()
    {
        // Arrange
        using var started = await _admin.GetAsync("/export?from=2024-11-01&to=2024-12-31&format=csv&table=participants");
        var id = JobIdOf(started);
        await WaitForStateAsync(_admin, id, "done");
        var whole = await _admin.FetchAsync($"/downloads/{id}/file");
        using var wholeResponse = await _admin.GetAsync($"/downloads/{id}/file");

        // Act: the first hundred bytes, then the rest as a browser resumes, checked against the file's entity tag.
        using var head = await _admin.SendAsync(HttpMethod.Get, $"/downloads/{id}/file", headers => headers.Range = new RangeHeaderValue(0, 99));
        using var rest = await _admin.SendAsync(HttpMethod.Get, $"/downloads/{id}/file", headers =>
        {
            headers.Range = new RangeHeaderValue(100, null);
            headers.IfRange = new RangeConditionHeaderValue(wholeResponse.Headers.ETag!);
        });
        var headBytes = await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var restBytes = await rest.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, whole.Status);
        Assert.True(whole.Bytes.Length > 100, $"The file has {whole.Bytes.Length} bytes only.");
        Assert.Equal("bytes", Assert.Single(wholeResponse.Headers.AcceptRanges));
        Assert.Equal((HttpStatusCode.PartialContent, HttpStatusCode.PartialContent), (head.StatusCode, rest.StatusCode));
        Assert.Equal($"bytes 0-99/{whole.Bytes.Length}", head.Content.Headers.ContentRange?.ToString());
        Assert.Equal(whole.Bytes[..100], headBytes);
        Assert.Equal(whole.Bytes[100..], restBytes);
        Assert.Equal("umeeting-joins_2024-11-01_2024-12-31.csv", rest.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Asking_a_finished_jobs_file_with_HEAD_answers_200_with_its_length_and_no_body()
    {
        // Arrange
        using var started = await _admin.GetAsync("/export?from=2024-11-01&to=2024-12-31&format=csv&table=telephony");
        var id = JobIdOf(started);
        await WaitForStateAsync(_admin, id, "done");
        var whole = await _admin.FetchAsync($"/downloads/{id}/file");

        // Act
        using var head = await _admin.SendAsync(HttpMethod.Head, $"/downloads/{id}/file");
        var body = await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(whole.Bytes.Length, head.Content.Headers.ContentLength);
        Assert.Equal("text/csv", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Another_user_still_gets_404_for_a_finished_jobs_file_its_owner_has_downloaded()
    {
        // Arrange
        using var started = await _admin.GetAsync("/export?from=2024-11-01&to=2024-12-31&format=csv&table=people");
        var id = JobIdOf(started);
        await WaitForStateAsync(_admin, id, "done");
        var owners = await _admin.FetchAsync($"/downloads/{id}/file");

        // Act
        using var viewersFile = await _viewer.GetAsync($"/downloads/{id}/file");
        using var viewersHead = await _viewer.SendAsync(HttpMethod.Head, $"/downloads/{id}/file");
        using var viewersRange = await _viewer.SendAsync(HttpMethod.Get, $"/downloads/{id}/file", headers => headers.Range = new RangeHeaderValue(0, 99));
        var (viewersPage, _) = await _viewer.GetPageAsync($"/downloads/{id}");
        var ownersAgain = await _admin.FetchAsync($"/downloads/{id}/file");

        // Assert
        Assert.Equal(HttpStatusCode.OK, owners.Status);
        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [viewersFile.StatusCode, viewersHead.StatusCode, viewersRange.StatusCode, viewersPage]);
        Assert.Equal(owners.Bytes, ownersAgain.Bytes);
    }

    [Fact]
    public async Task A_job_of_the_meetings_reports_search_keeps_it_in_its_address_and_its_file()
    {
        // Arrange
        var rooms = Dataset.Rooms.ToDictionary(room => room.HostId, room => room.Name);
        bool Matches(string text) => text.Contains("review", StringComparison.OrdinalIgnoreCase);
        var listed = Dataset.MeetingsBetween(new DateOnly(2024, 11, 1), new DateOnly(2024, 12, 31)).Where(meeting => Matches(meeting.Topic) || Matches(rooms[meeting.HostId])).ToList();
        Assert.NotEmpty(listed);

        // Act
        using var started = await _admin.GetAsync("/export?from=2024-11-01&to=2024-12-31&q=review&format=xlsx");
        var id = JobIdOf(started);
        await WaitForStateAsync(_admin, id, "done");
        var (_, readyPage) = await _admin.GetPageAsync($"/downloads/{id}");
        var download = await _admin.FetchAsync(Hooks.Href(readyPage, "download-ready")!);
        using var workbook = DownloadedFiles.Workbook(download.Bytes);

        // Assert
        Assert.Contains("&q=review", started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("umeeting-meetings_2024-11-01_2024-12-31_search-review.xlsx", download.FileName);
        Assert.Equal("Only the meetings matching “review”.", Hooks.Text(readyPage, "download-narrowed"));
        Assert.Equal(("Back to the meetings", "/meetings?from=2024-11-01&to=2024-12-31&q=review&page_size=30"), (Hooks.Text(readyPage, "download-back"), Hooks.Href(readyPage, "download-back")));
        Assert.Equal(listed.Select(meeting => meeting.Uuid), workbook.Worksheet("Meetings").ColumnValues("Meeting UUID"));
    }

    [Fact]
    public async Task A_job_of_the_participants_reports_name_search_says_so_and_leads_back_to_that_list()
    {
        // Act
        var page = await FinishedJobsPageAsync(_admin, "/export?from=2024-09-01&to=2024-10-31&name=%20Emma%20&format=csv&table=participants");

        // Assert
        Assert.Equal("Only the participants whose name contains “Emma”, with their meetings.", Hooks.Text(page, "download-narrowed"));
        Assert.Equal(("Back to the participants", "/participants?from=2024-09-01&to=2024-10-31&name=Emma&page_size=30"), (Hooks.Text(page, "download-back"), Hooks.Href(page, "download-back")));
    }

    [Theory]
    [InlineData("people", "umeeting-people_2024-09-01_2024-10-31.csv: the people who joined the meetings of 2024-09-01 – 2024-10-31 in every room, one row per name.")]
    [InlineData("participants", "umeeting-joins_2024-09-01_2024-10-31.csv: the joins to the meetings of 2024-09-01 – 2024-10-31 in every room, one row each.")]
    [InlineData("telephony", "umeeting-telephony_2024-09-01_2024-10-31.csv: the phone calls of the meetings of 2024-09-01 – 2024-10-31 in every room, one row per call.")]
    [InlineData("meetings", "umeeting-meetings_2024-09-01_2024-10-31.csv: the meetings of 2024-09-01 – 2024-10-31 in every room.")]
    public async Task A_csv_jobs_page_describes_the_file_by_the_table_it_holds(string table, string described)
    {
        // Act
        var page = await FinishedJobsPageAsync(_admin, $"/export?from=2024-09-01&to=2024-10-31&format=csv&table={table}");

        // Assert
        Assert.Equal(described, Assert.Single(Hooks.Texts(page, "download-what")));
    }

    [Fact]
    public async Task A_gone_people_csv_download_says_it_held_the_people_of_its_period()
    {
        // Act: the address of a job that no longer exists, carrying its filters as every job's address does.
        using var response = await _admin.GetAsync("/downloads/0123456789abcdef0123456789abcdef?from=2024-09-01&to=2024-10-31&format=csv&table=people");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            "The download was: the people who joined the meetings of 2024-09-01 – 2024-10-31 in every room, one row per name.",
            Assert.Single(Hooks.Texts(page, "download-again-what")));
        Assert.Equal("/export?from=2024-09-01&to=2024-10-31&format=csv&table=people", Hooks.Href(page, "download-again"));
    }

    [Theory]
    [InlineData("rooms", "Back to the rooms", "/rooms?from=2024-09-01&to=2024-10-31")]
    [InlineData("telephony", "Back to telephony", "/telephony?from=2024-09-01&to=2024-10-31")]
    public async Task A_job_started_from_a_reports_button_leads_back_to_that_report_running_and_gone(string report, string back, string address)
    {
        // Act: the report's button names its page; the job's address keeps it, as the address of the job once gone does.
        using var started = await _admin.GetAsync($"/export?from=2024-09-01&to=2024-10-31&format=xlsx&report={report}");
        var id = JobIdOf(started);
        var (_, page) = await _admin.GetPageAsync(started.Headers.Location!.OriginalString);
        using var gone = await _admin.GetAsync($"/downloads/0123456789abcdef0123456789abcdef?from=2024-09-01&to=2024-10-31&format=xlsx&report={report}");
        var gonePage = await gone.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await WaitForStateAsync(_admin, id, "done");

        // Assert
        Assert.Contains($"&report={report}", started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal((back, address), (Hooks.Text(page, "download-back"), Hooks.Href(page, "download-back")));
        Assert.Equal((back, address), (Hooks.Text(gonePage, "download-back"), Hooks.Href(gonePage, "download-back")));
        Assert.Equal($"/export?from=2024-09-01&to=2024-10-31&format=xlsx&report={report}", Hooks.Href(gonePage, "download-again"));
    }

    [Fact]
    public async Task A_job_in_the_meetings_lists_order_writes_its_file_in_it_and_leads_back_to_that_list_in_it_running_and_gone()
    {
        // Arrange: two months are a job without counting (Exports:BackgroundAbove is 1); the dearest phone bills first.
        var dearest = Dataset.MeetingsBetween(new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 31))
            .OrderByDescending(meeting => meeting.Telephony.Sum(call => call.Total)).ThenBy(meeting => meeting.Uuid, StringComparer.Ordinal)
            .Select(meeting => meeting.Uuid).ToList();
        const string Filters = "from=2024-09-01&to=2024-10-31&sort=phone_cost&dir=desc&format=xlsx";
        const string List = "/meetings?from=2024-09-01&to=2024-10-31&sort=phone_cost&dir=desc&page_size=30";

        // Act
        using var started = await _admin.GetAsync($"/export?{Filters}");
        var id = JobIdOf(started);
        var (_, page) = await _admin.GetPageAsync(started.Headers.Location!.OriginalString);
        await WaitForStateAsync(_admin, id, "done");
        var file = await _admin.FetchAsync($"/downloads/{id}/file");
        using var workbook = DownloadedFiles.Workbook(file.Bytes);
        using var gone = await _admin.GetAsync($"/downloads/0123456789abcdef0123456789abcdef?{Filters}");
        var gonePage = await gone.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.EndsWith("?" + Filters, started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(dearest, workbook.Worksheet("Meetings").ColumnValues("Meeting UUID"));
        Assert.Equal("Phone cost, highest first", workbook.SummaryValue("Meetings in order of (their joins and calls follow them)"));
        Assert.Equal(("Back to the meetings", List), (Hooks.Text(page, "download-back"), Hooks.Href(page, "download-back")));
        Assert.Equal(("Back to the meetings", List), (Hooks.Text(gonePage, "download-back"), Hooks.Href(gonePage, "download-back")));
        Assert.Equal($"/export?{Filters}", Hooks.Href(gonePage, "download-again"));
    }

    [Fact]
    public async Task A_reports_download_button_names_its_report()
    {
        var (_, rooms) = await _admin.GetPageAsync("/rooms?from=2025-05-01&to=2025-05-31");
        var (_, telephony) = await _admin.GetPageAsync("/telephony?from=2025-05-01&to=2025-05-31");

        Assert.EndsWith("&report=rooms", Hooks.Href(rooms, "download-excel"), StringComparison.Ordinal);
        Assert.EndsWith("&report=telephony", Hooks.Href(telephony, "download-excel"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/downloads/abc", "No download has this address")]
    [InlineData("/downloads/0123456789ABCDEF0123456789ABCDEF", "No download has this address")]
    [InlineData("/downloads/0123456789abcdef0123456789abcdef", "This download is no longer here")]
    public async Task An_address_that_was_never_a_downloads_says_so_rather_than_that_it_expired(string address, string heading)
    {
        // Act
        var (status, page) = await _admin.GetPageAsync(address);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"<h2 class=\"h5\">{heading}</h2>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gone_download_of_a_search_says_what_it_held_and_leads_back_to_that_search()
    {
        // Act: the address of a job that no longer exists, carrying its filters as every job's address does.
        using var response = await _admin.GetAsync("/downloads/0123456789abcdef0123456789abcdef?from=2024-10-01&to=2024-11-30&q=review&format=xlsx");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Only the meetings matching “review”.", Hooks.Text(page, "download-narrowed"));
        Assert.Equal("/meetings?from=2024-10-01&to=2024-11-30&q=review&page_size=30", Hooks.Href(page, "download-back"));
        Assert.Equal("/export?from=2024-10-01&to=2024-11-30&q=review&format=xlsx", Hooks.Href(page, "download-again"));
    }

    [Fact]
    public async Task A_viewer_gets_no_job_of_a_dial_in_persons_meetings_and_the_refusal_never_shows_the_number_whole()
    {
        // Act: meetings or none for a guessed number would give the masked digits away, so no job is made.
        using var response = await _viewer.GetAsync("/export?from=2024-09-01&to=2024-10-31&participant=%2B8613712349201&format=xlsx");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot look up a person by a phone number", page, StringComparison.Ordinal);
        // What the page says never holds it; only its links carry the filter back as the Viewer typed it.
        Assert.DoesNotContain("13712349201", Regex.Replace(page, "<[^>]*>", " "), StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_finished_jobs_file_and_its_folder_are_readable_by_this_process_only()
    {
        // Arrange: the hostile review found the files -rw-r--r-- while their phone numbers waited to be fetched.
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not exist on Windows.");
        using var started = await _admin.GetAsync("/export?from=2024-08-01&to=2024-08-31&format=csv&table=telephony");
        var id = JobIdOf(started);
        var path = (await Jobs.FindAsync(DemoAccount.UserName, id, TestContext.Current.CancellationToken))!.FilePath;

        // Act
        await WaitForStateAsync(_admin, id, "done");

        // Assert
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task A_finished_job_nobody_downloads_is_deleted_with_its_file_once_its_lifetime_is_over()
    {
        // Arrange
        using var started = await _admin.GetAsync("/export?from=2024-09-01&to=2024-09-30&format=csv&table=participants");
        var id = JobIdOf(started);
        var path = (await Jobs.FindAsync(DemoAccount.UserName, id, TestContext.Current.CancellationToken))!.FilePath;
        await WaitForStateAsync(_admin, id, "done");
        var existedWhenDone = File.Exists(path);

        // Act: the sweeper runs every 2.5 s of real time (a quarter of the lifetime) and reads the test's clock.
        server.Clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        using var beforeLifetime = await _admin.GetAsync($"/downloads/{id}/status");
        server.Clock.Advance(TimeSpan.FromSeconds(2));
        var gone = await WaitUntilAsync(async () =>
        {
            using var poll = await _admin.GetAsync($"/downloads/{id}/status");
            return poll.StatusCode == HttpStatusCode.NotFound;
        });

        // Assert
        Assert.True(existedWhenDone, "The finished job had no file.");
        Assert.Equal(HttpStatusCode.OK, beforeLifetime.StatusCode);
        Assert.True(gone, "The job outlived Exports:JobLifetime.");
        Assert.False(File.Exists(path), "The expired job's file is still on the server.");
    }

    [Fact]
    public async Task A_downloaded_file_can_be_downloaded_again_until_the_jobs_lifetime_is_over_and_is_gone_then()
    {
        // Arrange: downloaded once as soon as it is done.
        using var started = await _admin.GetAsync("/export?from=2024-09-01&to=2024-10-31&format=csv&table=meetings");
        var id = JobIdOf(started);
        var path = (await Jobs.FindAsync(DemoAccount.UserName, id, TestContext.Current.CancellationToken))!.FilePath;
        await WaitForStateAsync(_admin, id, "done");
        var first = await _admin.FetchAsync($"/downloads/{id}/file");

        // Act: just before the end of its ten seconds, then just after (the test's clock; no sweep needs to have run).
        server.Clock.Advance(TimeSpan.FromSeconds(9));
        var beforeLifetime = await _admin.FetchAsync($"/downloads/{id}/file");
        server.Clock.Advance(TimeSpan.FromSeconds(2));
        using var afterLifetime = await _admin.GetAsync($"/downloads/{id}/file");
        var (pageAfterLifetime, page) = await _admin.GetPageAsync(started.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, beforeLifetime.Status));
        Assert.Equal(first.Bytes, beforeLifetime.Bytes);
        Assert.Equal(HttpStatusCode.NotFound, afterLifetime.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageAfterLifetime);
        Assert.StartsWith("It has expired: a download's file can be downloaded as often as needed", Hooks.Text(page, "not-found-message"), StringComparison.Ordinal);
        Assert.False(File.Exists(path), "The expired job's file is still on the server.");
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_and_keeps_no_file()
    {
        // Arrange
        SlowDown(new DateOnly(2024, 8, 1), TimeSpan.FromSeconds(5));
        using var started = await _admin.GetAsync("/export?from=2024-07-01&to=2024-08-31&format=xlsx");
        var id = JobIdOf(started);
        var path = (await Jobs.FindAsync(DemoAccount.UserName, id, TestContext.Current.CancellationToken))!.FilePath;
        await WaitForStateAsync(_admin, id, "running");
        var token = await _admin.AntiforgeryTokenAsync($"downloads/{id}");

        // Act
        using var cancelled = await _admin.PostFormAsync($"/downloads/{id}?handler=cancel", [new("__RequestVerificationToken", token)]);
        var (status, page) = await _admin.GetPageAsync($"/downloads/{id}");
        using var file = await _admin.GetAsync($"/downloads/{id}/file");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Hooks.Count(page, "download-cancelled"));
        Assert.Equal(0, Hooks.Count(page, "download-ready"));
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.False(File.Exists(path), "A cancelled job left its file behind.");
    }

    [Fact]
    public async Task A_cancelled_job_keeps_its_address_so_its_page_leads_back_to_its_report_and_makes_the_same_file_again()
    {
        // Arrange: a CSV asked from /participants, running.
        SlowDown(new DateOnly(2024, 8, 1), TimeSpan.FromSeconds(5));
        const string Download = "from=2024-07-01&to=2024-08-31&format=csv&report=participants&table=participants";
        using var started = await _admin.GetAsync("/export?" + Download);
        var id = JobIdOf(started);
        await WaitForStateAsync(_admin, id, "running");
        var (_, running) = await _admin.GetPageAsync(started.Headers.Location!.OriginalString);
        var form = Regex.Match(running, @"<form method=""post"" action=""(?<action>[^""]+)""").Groups["action"].Value;

        // Act: the cancel button's own form.
        using var cancelled = await _admin.PostFormAsync(WebUtility.HtmlDecode(form).TrimStart('/'), [new("__RequestVerificationToken", await _admin.AntiforgeryTokenAsync(started.Headers.Location!.OriginalString.TrimStart('/')))]);
        var (status, page) = await _admin.GetPageAsync(cancelled.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal($"/downloads/{id}?{Download}", cancelled.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Hooks.Count(page, "download-cancelled"));
        Assert.Equal("/export?" + Download, Hooks.Href(page, "download-again"));
        Assert.StartsWith("/participants?from=2024-07-01&to=2024-08-31", Hooks.Href(page, "download-back"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_beyond_the_concurrent_limit_waits_and_one_beyond_the_users_limit_is_refused()
    {
        // Arrange: the first job holds the only slot for a while; the next two are one month each, which the
        // planner probes (quickly) before it makes them jobs.
        SlowDown(new DateOnly(2024, 5, 1), TimeSpan.FromSeconds(5));
        using var first = await _admin.GetAsync("/export?from=2024-05-01&to=2024-06-30&format=xlsx");
        var firstId = JobIdOf(first);
        await WaitForStateAsync(_admin, firstId, "running");

        // Act
        using var second = await _admin.GetAsync("/export?from=2024-10-01&to=2024-10-31&format=xlsx");
        var secondId = JobIdOf(second);
        using var secondAgain = await _admin.GetAsync("/export?from=2024-10-01&to=2024-10-31&format=xlsx");
        var (secondStatus, secondPage) = await _admin.GetPageAsync($"/downloads/{secondId}");
        using var third = await _admin.GetAsync("/export?from=2025-03-01&to=2025-03-31&format=xlsx");
        var thirdPage = await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var secondDone = await WaitForStateAsync(_admin, secondId, "done");

        // Assert
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(1, Hooks.Count(secondPage, "download-waiting"));
        Assert.Equal(secondId, JobIdOf(secondAgain));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(
            "You already have 2 downloads waiting or running: wait for one to finish, or cancel one, then try again.",
            Hooks.Text(thirdPage, "too-many-downloads"));
        Assert.Equal("done", (await WaitForStateAsync(_admin, firstId, "done")).GetProperty("state").GetString());
        Assert.Equal("done", secondDone.GetProperty("state").GetString());
    }

    /// <summary>Delays every full page of the month starting on <paramref name="monthStart"/>.</summary>
    private void SlowDown(DateOnly monthStart, TimeSpan delay) =>
        Faults.Add(new FaultRule(FaultKind.Latency, When: request => request.From == monthStart, Delay: delay));

    /// <summary>
    /// The page of the job <paramref name="export"/> starts (over two months or more: a job without counting, as
    /// Exports:BackgroundAbove is 1), as it first shows; returned once the job is done, so that it holds no slot after.
    /// </summary>
    private static async Task<string> FinishedJobsPageAsync(HttpSession session, string export)
    {
        using var started = await session.GetAsync(export);
        var id = JobIdOf(started);
        var (_, page) = await session.GetPageAsync($"/downloads/{id}");
        await WaitForStateAsync(session, id, "done");
        return page;
    }

    private static string JobIdOf(HttpResponseMessage started)
    {
        Assert.Equal(HttpStatusCode.Found, started.StatusCode);
        var location = started.Headers.Location?.OriginalString ?? "";
        // The job's page, with the download's filters: once the job is gone they make the file again.
        Assert.Matches(@"^/downloads/[0-9a-f]{32}\?from=\d{4}-\d{2}-\d{2}&to=", location);
        return location["/downloads/".Length..location.IndexOf('?', StringComparison.Ordinal)];
    }

    /// <summary>Polls the job's status until it reaches <paramref name="state"/>; fails when it ends in another.</summary>
    private static async Task<JsonElement> WaitForStateAsync(HttpSession session, string id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await session.GetAsync($"/downloads/{id}/status");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
            var current = status.GetProperty("state").GetString();
            if (current == state)
            {
                return status;
            }

            Assert.False(status.GetProperty("ended").GetBoolean(), $"The job ended {current}, not {state}.");
            Assert.True(DateTime.UtcNow < deadline, $"The job is still {current} after a minute.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }

    /// <summary>The rows the ready page states for a sheet.</summary>
    private static string? Attribute(string html, string sheet) =>
        System.Text.RegularExpressions.Regex.Match(html, $@"data-name=""{sheet}"" data-rows=""(?<rows>\d+)""") is { Success: true } match ? match.Groups["rows"].Value : null;
}
