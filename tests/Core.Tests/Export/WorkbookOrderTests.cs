using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Tests.Archive;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Tests.Shared;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// A download asked from /meetings is in the order its list was (sort and dir), its joins and calls following their
/// meetings; a download asked from any other page keeps the meeting service's order, oldest first. The Summary says which.
/// </summary>
public sealed class WorkbookOrderTests
{
    private const string OrderLine = "Meetings in order of (their joins and calls follow them)";

    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));

    /// <summary>Oldest first, the cheapest first too: the dearest is the middle one, so no order is another's reverse.</summary>
    private static Meeting[] Meetings() =>
    [
        MeetingBuilder.A("cheap-early").StartingAt(MeetingBuilder.Nine).With("Ann", 0, 30).WithCall("+8613712340001", 0, 5, 5, 0.30m).Build(),
        MeetingBuilder.A("dear-middle").StartingAt(MeetingBuilder.Nine.AddDays(1)).With("Bob", 0, 30).With("Bea", 5, 30).WithCall("+8613712340002", 0, 50, 50, 5.00m).Build(),
        MeetingBuilder.A("mid-late").StartingAt(MeetingBuilder.Nine.AddDays(2)).With("Cai", 0, 30).WithCall("+8613712340003", 0, 12, 12, 1.20m).Build(),
    ];

    [Fact]
    public async Task A_file_asked_in_the_meetings_lists_order_holds_its_meetings_and_their_joins_and_calls_in_that_order_and_says_so()
    {
        // Arrange
        using var folder = new ExportFolder();
        var request = ExportHarness.Request(March, reveal: true) with { Order = new MeetingOrder(MeetingSort.PhoneCost, Descending: true) };

        // Act
        using var file = await ExportHarness.InMemory(folder, Meetings()).XlsxAsync(request);

        // Assert
        Assert.Equal(["dear-middle", "mid-late", "cheap-early"], Column(file["Meetings"], "Meeting UUID"));
        Assert.Equal(["Bob", "Bea", "Cai", "Ann"], Column(file["Joins"], "Participant"));
        Assert.Equal(["+8613712340002", "+8613712340003", "+8613712340001"], Column(file["Telephony"], "Phone number"));
        Assert.Equal("Phone cost, highest first", Summary(file, OrderLine));
    }

    [Fact]
    public async Task A_file_asked_from_another_page_keeps_the_meeting_services_order_oldest_first_and_says_so()
    {
        // Arrange
        using var folder = new ExportFolder();

        // Act
        using var file = await ExportHarness.InMemory(folder, Meetings()).XlsxAsync(ExportHarness.Request(March));

        // Assert
        Assert.Equal(["cheap-early", "dear-middle", "mid-late"], Column(file["Meetings"], "Meeting UUID"));
        Assert.Equal(["Ann", "Bob", "Bea", "Cai"], Column(file["Joins"], "Participant"));
        Assert.Equal("Start, earliest first (the meeting service's order)", Summary(file, OrderLine));
    }

    [Fact]
    public async Task The_meetings_csv_follows_the_order_asked()
    {
        // Arrange
        using var folder = new ExportFolder();
        var request = ExportHarness.Request(March) with { Order = new MeetingOrder(MeetingSort.PhoneCost, Descending: false) };

        // Act
        var (_, text, _) = await ExportHarness.InMemory(folder, Meetings()).CsvAsync(request, CsvTable.Meetings);

        // Assert
        Assert.Equal(["cheap-early", "mid-late", "dear-middle"], Rfc4180.Parse(text.TrimStart('\uFEFF')).Skip(1).Select(record => record[0]));
    }

    [Theory]
    [InlineData("zh-CN", MeetingSort.PhoneCost, true, "电话费用，从高到低")]
    [InlineData("zh-CN", MeetingSort.StartTime, false, "开始时间，从早到晚")]
    [InlineData("zh-CN", MeetingSort.Participants, true, "参会人数，从多到少")]
    [InlineData("zh-CN", MeetingSort.Topic, false, "主题，升序")]
    [InlineData("zh-CN", null, false, "开始时间，从早到晚（即会议服务的顺序）")]
    [InlineData("en", MeetingSort.EndTime, true, "End, latest first")]
    [InlineData("en", MeetingSort.Room, true, "Room, Z to A")]
    [InlineData("en", MeetingSort.Duration, false, "Scheduled minutes, fewest first")]
    public async Task The_summary_states_the_order_in_the_files_language(string language, MeetingSort? sort, bool descending, string stated)
    {
        // Arrange
        using var folder = new ExportFolder();
        var texts = new ExportTexts(CultureInfo.GetCultureInfo(language));
        var request = ExportHarness.Request(March) with { Culture = texts.Culture, Order = sort is { } column ? new MeetingOrder(column, descending) : null };

        // Act
        using var file = await ExportHarness.InMemory(folder, Meetings()).XlsxAsync(request);

        // Assert
        Assert.Equal(stated, Summary(file, texts[OrderLine], texts["Summary"]));
    }

    private static List<string> Column(ClosedXML.Excel.IXLWorksheet sheet, string header) =>
        [.. sheet.DataRows().Select(row => row.Cell(sheet.ColumnOf(header)).GetString())];

    private static string Summary(ExportedWorkbook file, string item, string sheet = "Summary") =>
        file[sheet].DataRows().Single(row => row.Cell(1).GetString() == item).Cell(2).GetString();
}

/// <summary>
/// The meetings CSV of a download asked in each of /meetings' orders against that page's own rows, page after page:
/// the same meetings in the same order (ties by record id, room names and topics in the reader's language), over more
/// meetings than the archive reads in one batch. Runs on SQLite and on PostgreSQL (the subclasses below).
/// </summary>
public abstract class ExportOrderTests(ArchiveServer server)
{
    /// <summary>The small simulator's whole spring: more meetings than one batch of the archive's streamed read (500).</summary>
    private static readonly DatePeriod Spring = new(new(2025, 3, 1), new(2025, 5, 31));

    public static TheoryData<string, MeetingSort, bool> Orders() => new()
    {
        { "en", MeetingSort.StartTime, true },
        { "en", MeetingSort.PhoneCost, true },
        { "en", MeetingSort.EndTime, false },
        { "en", MeetingSort.ActualMinutes, true },
        { "en", MeetingSort.Participants, false },
        { "zh-CN", MeetingSort.Room, false },
        { "zh-CN", MeetingSort.Topic, true },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task The_files_meetings_are_in_the_order_the_meetings_page_lists_them(string language, MeetingSort sort, bool descending)
    {
        // Arrange
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        var culture = CultureInfo.GetCultureInfo(language);
        var listed = await ListedAsync(archive, new MeetingsRequest(new MeetingQuery(Spring), 300, 1) { Sort = sort, Descending = descending, TextOrder = TextOrder.For(culture) });
        var request = ExportHarness.Request(Spring) with { Culture = culture, Order = new MeetingOrder(sort, descending) };

        // Act
        await using var scope = archive.Services.CreateAsyncScope();
        using var output = new MemoryStream();
        var outcome = await scope.ServiceProvider.GetRequiredService<IWorkbookExporter>().WriteCsvAsync(request, CsvTable.Meetings, output, progress: null, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Failure?.Describe());
        var rows = Rfc4180.Parse(new System.Text.UTF8Encoding(false).GetString(output.ToArray()).TrimStart('\uFEFF')).Skip(1).Select(record => record[0].TrimStart('\'')).ToList();
        Assert.True(listed.Count > 500, $"{listed.Count} meetings fit in one batch of the archive's read: the batches' order is not tried.");
        Assert.Equal(listed, rows);
    }

    /// <summary>Every page of the meetings report's list, in its order.</summary>
    private static async Task<List<string>> ListedAsync(ArchiveHarness archive, MeetingsRequest first)
    {
        var uuids = new List<string>();
        for (var page = 1; ; page++)
        {
            await using var scope = archive.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMeetingsReportService>().GetAsync(first with { PageNumber = page }, TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, result.Failure?.Describe());
            uuids.AddRange(result.Value.Rows.Select(row => row.Uuid));
            if (page >= result.Value.TotalPage)
            {
                return uuids;
            }
        }
    }
}

public sealed class ExportOrderOnSqliteTests(SqliteArchiveServer server) : ExportOrderTests(server), IClassFixture<SqliteArchiveServer>;

public sealed class ExportOrderOnPostgreSqlTests(PostgreSqlArchiveServer server) : ExportOrderTests(server), IClassFixture<PostgreSqlArchiveServer>;
