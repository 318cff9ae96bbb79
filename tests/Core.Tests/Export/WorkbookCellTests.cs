using System.Text.RegularExpressions;
using ClosedXML.Excel;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>The workbook over meetings in memory: the cells a user would look at twice.</summary>
public sealed partial class WorkbookCellTests
{
    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));

    private static readonly string[] LargeSheets = ["Meetings", "Joins", "Telephony"];

    [Fact]
    public async Task Keeps_leading_zeros_and_plus_signs_of_ids_and_phone_numbers_as_text()
    {
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A("00AbC+/=").WithCall("+8613712349201", 5, 20, 15, 1.50m).With("Alice", 0, 60).Build() with { MeetingId = "0012345678" };

        using var file = await ExportHarness.InMemory(folder, [meeting]).XlsxAsync(ExportHarness.Request(March, reveal: true));

        var row = file["Meetings"].Row(2);
        Assert.Equal(("00AbC+/=", XLDataType.Text), (row.Cell(1).GetString(), row.Cell(1).DataType));
        Assert.Equal(("0012345678", XLDataType.Text), (row.Cell(2).GetString(), row.Cell(2).DataType));
        var call = file["Telephony"].Row(2);
        Assert.Equal(("+8613712349201", XLDataType.Text), (call.Cell(file["Telephony"].ColumnOf("Phone number")).GetString(), call.Cell(6).DataType));
        Assert.Equal(1.50m, call.Cell(file["Telephony"].ColumnOf("Phone cost")).Money());
    }

    [Fact]
    public async Task Leaves_the_end_and_actual_minutes_of_a_running_meeting_blank_and_marks_it_running()
    {
        using var folder = new ExportFolder();
        var running = MeetingBuilder.A().StillRunning().With("Alice", 0, null).Build();

        using var file = await ExportHarness.InMemory(folder, [running]).XlsxAsync(ExportHarness.Request(March));

        var meetings = file["Meetings"];
        var row = meetings.Row(2);
        Assert.Equal(new DateTime(2025, 3, 4, 9, 0, 0), row.Cell(meetings.ColumnOf("Start (Asia/Shanghai)")).GetDateTime());
        Assert.True(row.Cell(meetings.ColumnOf("End (Asia/Shanghai)")).IsEmpty());
        Assert.True(row.Cell(meetings.ColumnOf("Actual minutes")).IsEmpty());
        Assert.Equal("Yes", row.Cell(meetings.ColumnOf("Running")).GetString());
        Assert.Equal(1, row.Cell(meetings.ColumnOf("People")).GetDouble());
        var participants = file["Joins"];
        Assert.True(participants.Row(2).Cell(participants.ColumnOf("Leave (Asia/Shanghai)")).IsEmpty());
        Assert.Equal("Yes", participants.Row(2).Cell(participants.ColumnOf("Still connected")).GetString());
    }

    [Fact]
    public async Task Counts_a_person_still_in_a_running_meeting_up_to_the_moment_the_file_was_made()
    {
        using var folder = new ExportFolder();
        var request = ExportHarness.Request(new DatePeriod(new(2025, 6, 1), new(2025, 6, 15)));
        var meeting = MeetingBuilder.A().StartingAt(request.GeneratedAt.AddMinutes(-50)).StillRunning()
            .With("Li Lei", 10, null).With("Li Lei", 0, 20).With("Han Meimei", 0, 5)
            .Build();

        using var file = await ExportHarness.InMemory(folder, [meeting]).XlsxAsync(request);

        var people = file["People"];
        Assert.Equal(
            ["Li Lei | 1 | 2 | 50 | 2025-06-15 13:40:05 | 2025-06-15 14:30:05 | Yes", "Han Meimei | 1 | 1 | 5 | 2025-06-15 13:40:05 | 2025-06-15 13:45:05 | No"],
            people.DataRows().Select(row => string.Join(" | ",
                row.Cell(people.ColumnOf("Participant")).GetString(),
                row.Cell(people.ColumnOf("Meetings")).GetDouble(),
                row.Cell(people.ColumnOf("Joins")).GetDouble(),
                row.Cell(people.ColumnOf("Connected minutes")).GetDouble(),
                row.Cell(people.ColumnOf("First seen (Asia/Shanghai)")).GetDateTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                row.Cell(people.ColumnOf("Last seen (Asia/Shanghai)")).GetDateTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                row.Cell(people.ColumnOf("Still connected")).GetString())));
    }

    [Fact]
    public async Task The_summary_of_a_period_that_had_not_ended_says_up_to_when_it_was_counted_and_a_past_periods_does_not()
    {
        // Arrange: the file is made on 2025-06-15 at 14:30:05 (the service's zone).
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().StartingAt(new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(8))).Build();
        const string Line = "Counted up to (Asia/Shanghai): the period had not ended";

        // Act
        using var running = await ExportHarness.InMemory(folder, [meeting]).XlsxAsync(ExportHarness.Request(new DatePeriod(new(2025, 6, 1), new(2025, 6, 30))));
        using var ended = await ExportHarness.InMemory(folder, [meeting]).XlsxAsync(ExportHarness.Request(new DatePeriod(new(2025, 6, 1), new(2025, 6, 14))));

        // Assert
        var summary = running["Summary"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2));
        Assert.Equal(new DateTime(2025, 6, 15, 14, 30, 5), summary[Line].GetDateTime());
        Assert.DoesNotContain(ended["Summary"].DataRows(), row => row.Cell(1).GetString() == Line);
    }

    [Fact]
    public async Task Masks_phone_numbers_and_participant_names_that_are_phone_numbers_in_a_viewers_file()
    {
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A()
            .With("+86 137 1234 9201", 0, 30)
            .With("13812345678", 5, 30)
            .With("Alice", 0, 60)
            .WithCall("+8613712349201", 0, 30, 30, 3.00m)
            .WithCall("+14155550123", 0, 10, 10, 1.00m, "call-out")
            .Build();
        string[] whole = ["8613712349201", "13812345678", "14155550123"];

        using var viewer = await ExportHarness.InMemory(folder, [meeting]).XlsxAsync(ExportHarness.Request(March, reveal: false));
        using var admin = await ExportHarness.InMemory(folder, [meeting]).XlsxAsync(ExportHarness.Request(March, reveal: true));

        Assert.Empty(WholeNumbersIn(viewer.AllText(), whole));
        Assert.Equal(whole.Order(), WholeNumbersIn(admin.AllText(), whole).Order());
        Assert.Contains("+86 137****9201", viewer.AllText());
        Assert.Contains("Alice", viewer.AllText());
    }

    [Fact]
    public async Task Replaces_characters_xml_cannot_carry_instead_of_breaking_the_file()
    {
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().About("Bell\u0007 and \uD800 lone half").Build();

        using var file = await ExportHarness.InMemory(folder, [meeting]).XlsxAsync(ExportHarness.Request(March));

        Assert.Equal("Bell\uFFFD and \uFFFD lone half", file["Meetings"].Cell(2, file["Meetings"].ColumnOf("Topic")).GetString());
    }

    [Fact]
    public async Task Wraps_a_topic_written_on_several_lines_in_its_cell_on_every_sheet_and_leaves_every_other_cell_as_it_was()
    {
        // Arrange
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().About("Quarterly review\nBudget\nHiring").With("Alice", 0, 30).WithCall("+8613712349201", 0, 10, 10, 0.50m).Build();
        var oneLine = MeetingBuilder.A("one-line").StartingAt(MeetingBuilder.Nine.AddDays(1)).About("Weekly sync").With("Bob", 0, 30).WithCall("+8613712349202", 0, 10, 10, 0.50m).Build();
        var wide = MeetingBuilder.A("wide").StartingAt(MeetingBuilder.Nine.AddDays(2)).About(string.Concat(Enumerable.Repeat("季度产品路线图评审", 5))).With("Cai", 0, 30).WithCall("+8613712349203", 0, 10, 10, 0.50m).Build();

        // Act
        using var file = await ExportHarness.InMemory(folder, [meeting, oneLine, wide]).XlsxAsync(ExportHarness.Request(March));

        // Assert
        Assert.All(LargeSheets.Select(name => file[name]), sheet =>
        {
            var topic = sheet.ColumnOf("Topic");
            var row = sheet.Row(2);
            Assert.Equal("Quarterly review\nBudget\nHiring", row.Cell(topic).GetString());
            Assert.True(row.Cell(topic).Style.Alignment.WrapText, $"{sheet.Name}'s topic does not wrap");
            Assert.Equal("@", row.Cell(topic).Style.NumberFormat.Format);
            Assert.All(
                Enumerable.Range(1, sheet.Headers().Count).Where(column => column != topic),
                column => Assert.False(row.Cell(column).Style.Alignment.WrapText, $"{sheet.Name} column {sheet.Cell(1, column).GetString()} wraps"));
            Assert.False(sheet.Cell(1, topic).Style.Alignment.WrapText, $"{sheet.Name}'s header wraps");
            Assert.Equal(40, sheet.Column(topic).Width);

            // Three lines tall, so that no program shows the topic's lines over the rows around it; a row of one line as
            // before; 45 Chinese characters (90 units) on a column 40 wide wrap onto three lines too.
            Assert.Equal((45d, 15d, 45d), (sheet.Row(2).Height, sheet.Row(3).Height, sheet.Row(4).Height));
        });
    }

    [Fact]
    public async Task Writes_every_sheet_with_its_header_when_the_period_has_no_meetings()
    {
        using var folder = new ExportFolder();

        using var file = await ExportHarness.InMemory(folder, []).XlsxAsync(ExportHarness.Request(March));

        Assert.Equal(["Summary", "Meetings", "Joins", "Telephony", "People", "Rooms", "Daily", "Calls by type"], file.SheetNames);
        Assert.All(LargeSheets.Select(name => file[name]), sheet =>
        {
            Assert.Equal(1, sheet.LastRowUsed()!.RowNumber());
            Assert.Equal(1, sheet.AutoFilter.Range.RangeAddress.LastAddress.RowNumber);
        });
        Assert.Equal(31, file["Daily"].DataRows().Count);
        Assert.Equal(["Boardroom", "Garden"], file["Rooms"].DataRows().Select(row => row.Cell(1).GetString()));
    }

    [Theory]
    [InlineData(5, 6, new[] { 5 })]
    [InlineData(6, 6, new[] { 5, 1 })]
    [InlineData(21, 6, new[] { 5, 5, 5, 5, 1 })]
    public async Task Continues_a_sheet_past_the_row_limit_on_numbered_sheets_keeping_the_row_order(int joins, int rowsPerSheet, int[] rowsPerPart)
    {
        using var folder = new ExportFolder();
        var meetings = Enumerable.Range(0, joins).Select(index =>
            MeetingBuilder.A($"uuid-{index:00}").StartingAt(MeetingBuilder.Nine.AddHours(index)).With($"Person {index:00}", 0, 30).Build()).ToList();

        using var file = await ExportHarness.InMemory(folder, meetings, rowsPerSheet: rowsPerSheet).XlsxAsync(ExportHarness.Request(March));

        var names = rowsPerPart.Select((_, index) => index == 0 ? "Joins" : $"Joins ({index + 1})").ToList();
        Assert.Equal(names, file.SheetNames.Where(name => name.StartsWith("Joins", StringComparison.Ordinal)));
        Assert.Equal(rowsPerPart, names.Select(name => file[name].DataRows().Count));
        Assert.Equal(
            meetings.Select(meeting => meeting.Participants[0].Name),
            names.SelectMany(name => file[name].DataRows().Select(row => row.Cell(file[name].ColumnOf("Participant")).GetString())));
        Assert.All(names, name =>
        {
            Assert.Equal(1, file[name].SheetView.SplitRow);
            Assert.True(file[name].Cell(1, 1).Style.Font.Bold);
            Assert.Equal(file[name].LastRowUsed()!.RowNumber(), file[name].AutoFilter.Range.RangeAddress.LastAddress.RowNumber);
        });
        Assert.Equal(names.Select((name, index) => new ExportedSheet(name, rowsPerPart[index])), file.Outcome.Sheets.Where(sheet => sheet.Name.StartsWith("Joins", StringComparison.Ordinal)));
    }

    private static List<string> WholeNumbersIn(IEnumerable<string> texts, IReadOnlyList<string> numbers) =>
        [.. texts.SelectMany(text => DigitRuns().Matches(Compact().Replace(text, string.Empty))).Select(match => match.Value).Where(numbers.Contains).Distinct()];

    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex DigitRuns();

    [GeneratedRegex(@"[\s\-.()+]")]
    private static partial Regex Compact();
}
