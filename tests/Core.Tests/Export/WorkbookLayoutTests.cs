using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// Issue 13, the workbook as a user opens and prints it: no header cut at the column's edge in either language, yes/no
/// as words, counts with thousands separators, and every sheet set to print on A4 landscape, one page wide, with its
/// header on every page.
/// </summary>
public sealed class WorkbookLayoutTests
{
    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));

    private static Meeting[] Meetings() =>
    [
        MeetingBuilder.A("uuid-1").With("Alice", 0, 60).With("王伟", 5, 60).WithCall("+8613712349201", 5, 20, 15, 0.90m).Build(),
        MeetingBuilder.A("uuid-2").StartingAt(MeetingBuilder.Nine.AddDays(1)).StillRunning().With("Bob", 0, null).Build(),
    ];

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Every_column_is_wider_than_its_bold_header_with_its_filter_button_counting_Chinese_characters_twice(string language)
    {
        // Arrange
        using var folder = new ExportFolder();
        var request = ExportHarness.Request(March) with { Culture = CultureInfo.GetCultureInfo(language) };

        // Act
        using var file = await ExportHarness.InMemory(folder, Meetings()).XlsxAsync(request);

        // Assert
        Assert.All(file.Workbook.Worksheets, sheet => Assert.All(sheet.Row(1).CellsUsed(), header =>
        {
            var width = sheet.Column(header.Address.ColumnNumber).Width;
            var needed = Units(header.GetString()) + 2;
            Assert.True(width >= needed, $"{sheet.Name}!{header.Address} '{header.GetString()}' needs {needed} but is {width} wide");
        }));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task The_summary_shows_each_item_and_value_whole(string language)
    {
        // Arrange
        using var folder = new ExportFolder();
        var request = ExportHarness.Request(March) with { Culture = CultureInfo.GetCultureInfo(language) };

        // Act
        using var file = await ExportHarness.InMemory(folder, Meetings()).XlsxAsync(request);

        // Assert: the longest label, "Peak concurrent meetings (the licences needed at once)", was cut at 36.
        var summary = file.Workbook.Worksheet(1);
        var items = summary.DataRows().Select(row => row.Cell(1).GetString()).ToList();
        Assert.Contains(items, item => Units(item) > 30);
        Assert.All(items, item => Assert.True(summary.Column(1).Width > Units(item), $"'{item}' is cut at {summary.Column(1).Width}"));
        Assert.All(
            summary.DataRows().Select(row => row.Cell(2)).Where(cell => cell.DataType == XLDataType.Text),
            value => Assert.True(summary.Column(2).Width > Math.Min(Units(value.GetString()), 55) || value.Style.Alignment.WrapText, $"'{value.GetString()}' is cut"));
    }

    [Theory]
    [InlineData("en", "Yes", "No")]
    [InlineData("zh-CN", "是", "否")]
    public async Task Writes_yes_and_no_as_words_of_the_files_language(string language, string yes, string no)
    {
        // Arrange
        using var folder = new ExportFolder();
        var texts = new ExportTexts(CultureInfo.GetCultureInfo(language));
        var request = ExportHarness.Request(March) with { Culture = texts.Culture };

        // Act
        using var file = await ExportHarness.InMemory(folder, Meetings()).XlsxAsync(request);

        // Assert: the first meeting ended, the second still runs; neither is an overflow meeting.
        var meetings = file[texts["Meetings"]];
        IXLCell Cell(int row, string header) => meetings.Row(row).Cell(meetings.ColumnOf(texts[header]));
        Assert.Equal(
            [(XLDataType.Text, no), (XLDataType.Text, yes), (XLDataType.Text, no), (XLDataType.Text, no)],
            new[] { Cell(2, "Running"), Cell(3, "Running"), Cell(2, "Overflow (is_extra)"), Cell(3, "Overflow (is_extra)") }.Select(cell => (cell.DataType, cell.GetString())));
        var participants = file[texts["Joins|sheet"]];
        Assert.Equal(
            [no, no, yes],
            participants.DataRows().Select(row => row.Cell(participants.ColumnOf(texts["Still connected"])).GetString()));
    }

    [Fact]
    public async Task Formats_counts_and_minutes_with_thousands_separators_in_every_sheet()
    {
        // Arrange
        using var folder = new ExportFolder();

        // Act
        using var file = await ExportHarness.InMemory(folder, Meetings()).XlsxAsync(ExportHarness.Request(March));

        // Assert
        Assert.Equal("#,##0", file["Meetings"].Cell(2, file["Meetings"].ColumnOf("Joins")).Style.NumberFormat.Format);
        Assert.Equal("#,##0", file["Meetings"].Cell(2, file["Meetings"].ColumnOf("Scheduled minutes")).Style.NumberFormat.Format);
        Assert.Equal("#,##0", file["Joins"].Cell(2, file["Joins"].ColumnOf("Connected minutes")).Style.NumberFormat.Format);
        Assert.Equal("#,##0", file["Rooms"].Cell(2, file["Rooms"].ColumnOf("Meetings")).Style.NumberFormat.Format);
        Assert.Equal("#,##0", file["Daily"].Cell(2, file["Daily"].ColumnOf("Actual minutes")).Style.NumberFormat.Format);
        var summary = file["Summary"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2));
        Assert.Equal((2d, "#,##0"), (summary["Meetings"].GetDouble(), summary["Meetings"].Style.NumberFormat.Format));
    }

    [Fact]
    public async Task Sets_every_sheet_continuations_included_to_print_on_A4_landscape_one_page_wide_with_the_header_on_each_page()
    {
        // Arrange: a limit of 2 rows a sheet puts the three joins on "Joins" and "Joins (2)", the three people on "People" and "People (2)".
        using var folder = new ExportFolder();
        using var output = new MemoryStream();

        // Act
        var outcome = await ExportHarness.InMemory(folder, Meetings(), rowsPerSheet: 3)
            .WriteXlsxAsync(ExportHarness.Request(March), output, progress: null, TestContext.Current.CancellationToken);

        // Assert: read as the file says it, with the Open XML SDK (a reader that does not fill in defaults).
        Assert.True(outcome.Succeeded);
        output.Position = 0;
        using var document = SpreadsheetDocument.Open(output, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Summary", "Meetings", "Joins", "Joins (2)", "Telephony", "People", "People (2)", "Rooms", "Daily", "Calls by type"], sheets.Select(sheet => sheet.Name!.Value));
        var printTitles = workbook.Workbook.DefinedNames!.Elements<DefinedName>()
            .Where(name => name.Name == "_xlnm.Print_Titles")
            .ToDictionary(name => (int)name.LocalSheetId!.Value, name => name.Text);
        for (var index = 0; index < sheets.Count; index++)
        {
            var name = sheets[index].Name!.Value!;
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheets[index].Id!.Value!)).Worksheet;
            var setup = worksheet.GetFirstChild<PageSetup>();
            Assert.NotNull(setup);
            Assert.Equal((9u, OrientationValues.Landscape, 1u, 0u), (setup.PaperSize!.Value, setup.Orientation!.Value, setup.FitToWidth?.Value ?? 1u, setup.FitToHeight!.Value));
            Assert.True(worksheet.SheetProperties?.PageSetupProperties?.FitToPage?.Value, $"{name} does not fit to pages");
            // Absolute rows, as Excel writes them: LibreOffice ignores "1:1" and prints the header on the first page only.
            Assert.Equal($"{name}!$1:$1", printTitles[index].Replace("'", string.Empty, StringComparison.Ordinal));
        }
    }

    /// <summary>Width units of a text as a reader sees it: CJK characters and full-width brackets are two.</summary>
    private static int Units(string text) => text.Sum(character => character >= '\u2E80' ? 2 : 1);
}
