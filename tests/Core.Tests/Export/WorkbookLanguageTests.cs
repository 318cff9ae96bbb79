using System.Globalization;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// Issue 13: a file is in the language of whoever asked for it — the culture carried in the request, not the thread's
/// (a background job's thread has none of the request's) — and its name is ASCII in every language.
/// </summary>
public sealed class WorkbookLanguageTests
{
    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static Meeting[] Meetings() =>
    [
        MeetingBuilder.A("uuid-1").With("Alice", 0, 60)
            .WithCall("+8613712349201", 5, 20, 15, 0.90m)
            .WithCall("+8613712349202", 10, 20, 10, 1.20m, type: "callback")
            .WithCall("+8613712349203", 10, 20, 10, 1.20m, type: "conference-bridge")
            .Build(),
    ];

    [Fact]
    public async Task A_workbook_asked_for_in_Chinese_has_Chinese_sheets_headers_summary_and_call_types_whatever_the_threads_culture()
    {
        // Arrange
        using var folder = new ExportFolder();
        var request = ExportHarness.Request(March) with { Culture = Chinese };

        // Act: on a thread whose culture is English, as a background job's may be.
        using var file = await InCulture("en-US", () => ExportHarness.InMemory(folder, Meetings()).XlsxAsync(request));

        // Assert
        Assert.Equal(["概要", "会议", "入会记录", "电话", "参会人汇总", "会议室", "每日", "按呼叫类型统计"], file.SheetNames);
        Assert.Equal(file.SheetNames, file.Outcome.Sheets.Select(sheet => sheet.Name));
        Assert.Equal(["项目", "值"], file["概要"].Headers());
        Assert.Contains("会议号", file["会议"].Headers());
        Assert.Contains("开始时间（Asia/Shanghai）", file["会议"].Headers());
        Assert.Contains("参会人", file["入会记录"].Headers());
        Assert.Contains("参会人数", file["会议"].Headers());
        Assert.Equal(["会议室", "会议室 ID", "会议数", "进行中会议数"], file["会议室"].Headers().Take(4));
        var telephony = file["电话"];
        Assert.Equal(
            ["呼入", "回拨", "conference-bridge"],
            telephony.DataRows().Select(row => row.Cell(telephony.ColumnOf("类型")).GetString()));
        var summary = file["概要"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2).GetString());
        Assert.Equal("简体中文", summary["语言"]);
        Assert.Equal("全部会议室", summary["会议室"]);
        Assert.Equal("部分隐藏", summary["电话号码"]);
        Assert.Equal("星期一–星期五 09:00–18:00，Asia/Shanghai (UTC+08:00)", summary["工作时间（利用率以此为基准）"]);
        Assert.DoesNotContain(file.Workbook.Worksheets.SelectMany(sheet => sheet.Row(1).CellsUsed()), cell => cell.GetString().Any(char.IsAsciiLetterLower) && !cell.GetString().Contains("is_extra", StringComparison.Ordinal) && !cell.GetString().Contains("Asia/Shanghai", StringComparison.Ordinal) && !cell.GetString().Contains("uuid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_workbook_asked_for_without_a_language_is_in_English_and_says_so_even_on_a_Chinese_thread()
    {
        // Arrange
        using var folder = new ExportFolder();

        // Act
        using var file = await InCulture("zh-CN", () => ExportHarness.InMemory(folder, Meetings()).XlsxAsync(ExportHarness.Request(March)));

        // Assert
        Assert.Equal(["Summary", "Meetings", "Joins", "Telephony", "People", "Rooms", "Daily", "Calls by type"], file.SheetNames);
        var summary = file["Summary"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2).GetString());
        Assert.Equal("English", summary["Language"]);
        Assert.Equal("Monday–Friday 09:00–18:00, Asia/Shanghai (UTC+08:00)", summary["Business hours (utilisation is measured against them)"]);
        var telephony = file["Telephony"];
        Assert.Equal(["Call-in", "Callback", "conference-bridge"], telephony.DataRows().Select(row => row.Cell(telephony.ColumnOf("Type")).GetString()));
    }

    [Fact]
    public async Task A_CSV_asked_for_in_Chinese_has_Chinese_headers_and_call_types()
    {
        // Arrange
        using var folder = new ExportFolder();
        var request = ExportHarness.Request(March) with { Culture = Chinese };

        // Act
        var (outcome, text, _) = await ExportHarness.InMemory(folder, Meetings()).CsvAsync(request, CsvTable.Telephony);

        // Assert
        var lines = text.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("电话", outcome.Sheets.Single().Name);
        Assert.StartsWith("会议记录 UUID,会议号,主题,会议室,会议室 ID,电话号码,类型,开始时间（Asia/Shanghai）", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",电话分钟数,电话费用", lines[0], StringComparison.Ordinal);
        Assert.Contains(",呼入,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",回拨,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CSV_asked_for_in_Chinese_writes_flags_as_是_and_否()
    {
        // Arrange
        using var folder = new ExportFolder();
        var running = MeetingBuilder.A().StillRunning().Build();
        var request = ExportHarness.Request(March) with { Culture = Chinese };

        // Act
        var (_, text, _) = await ExportHarness.InMemory(folder, [running]).CsvAsync(request, CsvTable.Meetings);

        // Assert: running, not an overflow meeting.
        var lines = text.TrimStart('\uFEFF').Split("\r\n");
        var headers = lines[0].Split(',');
        var cells = lines[1].Split(',');
        Assert.Equal(("是", "否"), (cells[Array.IndexOf(headers, "进行中")], cells[Array.IndexOf(headers, "溢出会议")]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(CsvTable.Meetings)]
    [InlineData(CsvTable.Telephony)]
    public void File_names_are_ASCII_and_the_same_in_every_language(CsvTable? table)
    {
        // Arrange
        string Name() => table is { } csv ? ExportFileName.Csv(csv, March, roomName: null) : ExportFileName.Workbook(March, roomName: null);

        // Act
        var english = InCulture("en", Name);
        var chinese = InCulture("zh-CN", Name);

        // Assert
        Assert.Equal(english, chinese);
        Assert.True(chinese.All(char.IsAscii), chinese);
        Assert.StartsWith("umeeting-", chinese, StringComparison.Ordinal);
    }

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
