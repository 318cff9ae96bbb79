using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Tests.Reports.Participants;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Data;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>The workbook of a fixed past period over real HTTP, read back with ClosedXML and compared with the simulator's records.</summary>
public sealed partial class WorkbookGroundTruthTests(SharedSimulator fixture) : IClassFixture<SharedSimulator>
{
    // Files give call types in words (issue 13); the simulator sends the upstream's codes.
    private static readonly Dictionary<string, string> CallTypeWords = new(StringComparer.Ordinal)
    {
        ["call-in"] = "Call-in",
        ["call-out"] = "Call-out",
        ["callback"] = "Callback",
    };

    /// <summary>Three month windows, before the simulator's today.</summary>
    private static readonly DatePeriod Spring = new(new(2025, 3, 20), new(2025, 5, 10));

    private RunningSimulator Sim => fixture.Simulator;

    [Fact]
    public async Task Writes_the_eight_sheets_in_order_each_with_a_bold_frozen_header_an_autofilter_and_set_widths()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring));

        Assert.Equal(["Summary", "Meetings", "Joins", "Telephony", "People", "Rooms", "Daily", "Calls by type"], file.SheetNames);
        Assert.All(file.Workbook.Worksheets, sheet =>
        {
            var columns = sheet.Headers().Count;
            Assert.True(columns >= 2, sheet.Name);
            Assert.All(sheet.Row(1).Cells(1, columns), header => Assert.True(header.Style.Font.Bold, $"{sheet.Name}!{header.Address} is not bold"));
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.Equal($"A1:{XLHelper.GetColumnLetterFromNumber(columns)}{sheet.LastRowUsed()!.RowNumber()}", sheet.AutoFilter.Range.RangeAddress.ToString());
            Assert.All(Enumerable.Range(1, columns), column => Assert.True(sheet.Column(column).Width >= 8, $"{sheet.Name} column {column} is {sheet.Column(column).Width} wide"));
        });
        Assert.Equal(file.SheetNames, file.Outcome.Sheets.Select(sheet => sheet.Name));
        Assert.Empty(folder.Files);
    }

    [Fact]
    public async Task Lists_every_meeting_of_the_period_in_time_order_with_every_field_typed()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(Spring.From, Spring.To);
        var names = Sim.Dataset.Rooms.ToDictionary(room => room.HostId, room => room.Name);

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring));

        var sheet = file["Meetings"];
        Assert.Equal(
            ["Meeting UUID", "Meeting ID", "Room", "Room ID", "Topic", "Start (Asia/Shanghai)", "End (Asia/Shanghai)", "Running", "Overflow (is_extra)",
             "Scheduled minutes", "Actual minutes", "People", "Joins", "Phone calls", "Phone minutes", "Phone cost"],
            sheet.Headers());
        Assert.Equal(
            truth.Select(meeting => string.Join(" | ",
                meeting.Uuid, meeting.MeetingId, names[meeting.HostId], meeting.HostId, AsExcelReadsIt(meeting.Topic), Time(meeting.Start), Time(meeting.End),
                YesNo(meeting.End is null), YesNo(meeting.IsExtra), meeting.Duration, meeting.End is { } end ? (int)(end - meeting.Start).TotalMinutes : "",
                meeting.Participants.Select(p => p.Name).Distinct().Count(), meeting.Participants.Count, meeting.Telephony.Count,
                meeting.Telephony.Sum(call => call.Duration), meeting.Telephony.Sum(call => call.Total).ToString("0.00", CultureInfo.InvariantCulture))),
            sheet.DataRows().Select(row => string.Join(" | ", row.Cells(1, 16).Select(Shown))));
        Assert.Equal(truth.Count, file.Outcome.Sheets.Single(s => s.Name == "Meetings").Rows);
    }

    [Fact]
    public async Task Types_every_cell_text_ids_real_date_times_numbers_and_money_in_yuan()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring));

        var meetings = file["Meetings"];
        var ended = meetings.DataRows()[0];
        foreach (var header in (string[])["Meeting UUID", "Meeting ID", "Room", "Room ID", "Topic"])
        {
            Assert.Equal((XLDataType.Text, "@"), Typed(meetings, ended, header));
        }

        foreach (var header in (string[])["Start (Asia/Shanghai)", "End (Asia/Shanghai)"])
        {
            Assert.Equal((XLDataType.DateTime, "yyyy-mm-dd hh:mm:ss"), Typed(meetings, ended, header));
        }

        foreach (var header in (string[])["Scheduled minutes", "Actual minutes", "People", "Joins", "Phone calls", "Phone minutes"])
        {
            Assert.Equal((XLDataType.Number, "#,##0"), Typed(meetings, ended, header));
        }

        Assert.Equal((XLDataType.Number, "¥#,##0.00"), Typed(meetings, ended, "Phone cost"));
        Assert.Equal((XLDataType.Text, "No"), (ended.Cell(meetings.ColumnOf("Running")).DataType, ended.Cell(meetings.ColumnOf("Running")).GetString()));

        var calls = file["Telephony"];
        var call = calls.DataRows()[0];
        Assert.Equal((XLDataType.Number, "¥#,##0.00"), Typed(calls, call, "Phone cost"));
        Assert.Equal(XLDataType.Text, call.Cell(calls.ColumnOf("Phone number")).DataType);
        Assert.StartsWith("+", call.Cell(calls.ColumnOf("Phone number")).GetString(), StringComparison.Ordinal);
        Assert.Equal(XLDataType.DateTime, file["Daily"].Cell(2, 1).DataType);
        Assert.Equal("yyyy-mm-dd", file["Daily"].Cell(2, 1).Style.NumberFormat.Format);

        // Room 2's personal meeting number starts with 0: kept as text, not turned into a number.
        var zeroLed = meetings.DataRows().Select(row => row.Cell(meetings.ColumnOf("Meeting ID"))).FirstOrDefault(cell => cell.GetString().StartsWith('0'));
        Assert.NotNull(zeroLed);
        Assert.Equal((XLDataType.Text, 10), (zeroLed.DataType, zeroLed.GetString().Length));
    }

    [Fact]
    public async Task Has_one_participants_row_per_join_and_one_telephony_row_per_call_with_the_meeting_and_its_room()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(Spring.From, Spring.To);
        var names = Sim.Dataset.Rooms.ToDictionary(room => room.HostId, room => room.Name);

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring, reveal: true));

        Assert.Equal(
            truth.SelectMany(meeting => meeting.Participants.Select(p => string.Join(" | ",
                meeting.Uuid, meeting.MeetingId, AsExcelReadsIt(meeting.Topic), names[meeting.HostId], meeting.HostId, p.Name, Time(p.JoinTime), Time(p.LeaveTime),
                p.LeaveTime is { } leave ? (int)(ToSecond(leave) - ToSecond(p.JoinTime)).TotalMinutes : "", YesNo(p.LeaveTime is null)))),
            file["Joins"].DataRows().Select(row => string.Join(" | ", row.Cells(1, 10).Select(Shown))));
        Assert.Equal(
            truth.SelectMany(meeting => meeting.Telephony.Select(c => string.Join(" | ",
                meeting.Uuid, meeting.MeetingId, AsExcelReadsIt(meeting.Topic), names[meeting.HostId], meeting.HostId, c.PhoneNumber, CallTypeWords[c.Type], Time(c.StartTime), Time(c.EndTime),
                c.Duration, c.Total.ToString("0.00", CultureInfo.InvariantCulture)))),
            file["Telephony"].DataRows().Select(row => string.Join(" | ", row.Cells(1, 11).Select(Shown))));
    }

    [Fact]
    public async Task States_the_filters_the_zone_who_and_when_and_kpis_equal_to_the_analytics_page_and_the_ground_truth()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = GroundTruthSums.Figures(Sim.Dataset.MeetingsBetween(Spring.From, Spring.To));
        var page = await core.Kpis().GetAsync(new AnalyticsFilter(Spring), progress: null, TestContext.Current.CancellationToken);

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring));

        var summary = file["Summary"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2));
        Assert.Equal(new DateTime(2025, 3, 20), summary["Period from (Asia/Shanghai)"].GetDateTime());
        Assert.Equal(new DateTime(2025, 5, 10), summary["Period to (Asia/Shanghai)"].GetDateTime());
        Assert.Equal("All rooms", summary["Room"].GetString());
        Assert.Equal("Asia/Shanghai (UTC+08:00)", summary["Time zone of every time in this file"].GetString());
        Assert.Equal(new DateTime(2025, 6, 15, 14, 30, 5), summary["Generated at (Asia/Shanghai)"].GetDateTime());
        Assert.Equal("alice@example.com", summary["Generated by"].GetString());
        Assert.Equal("Masked", summary["Phone numbers"].GetString());
        var figures = new MeetingFigures(
            Int(summary["Meetings"]), Int(summary["Meetings still running"]), Int(summary["Scheduled minutes"]), Int(summary["Actual minutes (ended meetings)"]),
            Int(summary["Joins (participant rows)"]), Int(summary["People (each name once per meeting)"]), Int(summary["Distinct names"]),
            Int(summary["Overflow meetings (is_extra)"]), Int(summary["Phone calls"]), Int(summary["Phone minutes"]), summary["Phone cost"].Money());
        Assert.Equal(truth, figures);
        Assert.Equal(page.Value!.Figures, figures);
        Assert.Equal("¥#,##0.00", summary["Phone cost"].Style.NumberFormat.Format);
    }

    [Fact]
    public async Task Totals_each_room_the_busiest_first_and_each_day_as_the_ground_truth_and_the_sheets_add_up_to_the_summary()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(Spring.From, Spring.To);

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring));

        var rooms = file["Rooms"];
        var lines = rooms.DataRows().Select(row => (Name: row.Cell(1).GetString(), HostId: row.Cell(2).GetString(), Figures: Figures(row, 3), Utilisation: row.Cell(rooms.ColumnOf("Utilisation")).GetDouble())).ToList();
        Assert.Equal(
            Sim.Dataset.Rooms.OrderBy(room => room.HostId, StringComparer.Ordinal).Select(room => (room.Name, room.HostId, GroundTruthSums.Figures([.. truth.Where(m => m.HostId == room.HostId)]))),
            lines.OrderBy(line => line.HostId, StringComparer.Ordinal).Select(line => (line.Name, line.HostId, line.Figures)));
        Assert.Equal(
            lines.OrderByDescending(line => line.Utilisation).ThenBy(line => line.Name, TextOrder.For(ExportTexts.English)).ThenBy(line => line.HostId, StringComparer.Ordinal),
            lines);
        Assert.True(lines[0].Utilisation > lines[^1].Utilisation, "Every room of the period is as busy as every other: the order proves nothing.");
        var daily = file["Daily"];
        Assert.Equal(
            Enumerable.Range(0, Spring.Days).Select(offset => Spring.From.AddDays(offset)).Select(day =>
                (day.ToDateTime(TimeOnly.MinValue), GroundTruthSums.Figures([.. truth.Where(m => DateOnly.FromDateTime(m.Start) == day)]))),
            daily.DataRows().Select(row => (row.Cell(1).GetDateTime(), Figures(row, 2))));
        Assert.Equal(
            truth.Sum(m => m.Telephony.Sum(c => c.Total)),
            file["Telephony"].DataRows().Sum(row => row.Cell(file["Telephony"].ColumnOf("Phone cost")).Money()));
        Assert.Equal(
            truth.Sum(m => m.Telephony.Sum(c => c.Total)),
            daily.DataRows().Sum(row => row.Cell(daily.ColumnOf("Phone cost")).Money()));
    }

    [Fact]
    public async Task Tallies_the_calls_by_type_as_the_telephony_page_does_to_the_fen_with_their_total_last()
    {
        // Arrange
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var calls = GroundTruthSums.Calls(Sim.Dataset.MeetingsBetween(Spring.From, Spring.To));
        var page = await core.Telephony().GetAsync(new AnalyticsFilter(Spring), revealPhoneNumbers: false, TextOrder.Invariant, progress: null, TestContext.Current.CancellationToken);
        Assert.True(page.Succeeded, page.Failure?.Describe());

        // Act
        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring));

        // Assert
        var sheet = file["Calls by type"];
        Assert.Equal(["Type", "Phone calls", "Phone minutes", "Phone cost"], sheet.Headers());
        var lines = sheet.DataRows().Select(row => (Type: row.Cell(1).GetString(), Calls: Int(row.Cell(2)), Minutes: Int(row.Cell(3)), Cost: row.Cell(4).Money())).ToList();
        Assert.Equal(
            [
                .. page.Value.ByType.Select(line => (CallTypeWords[line.Type], line.Totals.Calls, line.Totals.Minutes, line.Totals.Cost)),
                ("Total", page.Value.Totals.Calls, page.Value.Totals.Minutes, page.Value.Totals.Cost),
            ],
            lines);
        Assert.Equal((calls.Count, calls.Sum(c => c.Call.Duration), calls.Sum(c => c.Call.Total)), (lines[^1].Calls, lines[^1].Minutes, lines[^1].Cost));
        Assert.All(lines.SkipLast(1), line => Assert.NotEqual(0m, line.Cost));
        Assert.Equal("¥#,##0.00", sheet.Cell(2, sheet.ColumnOf("Phone cost")).Style.NumberFormat.Format);
        Assert.True(sheet.Cell(lines.Count + 1, 1).Style.Font.Bold, "The total row is not set apart");
    }

    [Fact]
    public async Task The_Daily_sheet_of_a_period_that_runs_on_stops_at_the_day_the_file_is_made()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var runsOn = new DatePeriod(new(2025, 6, 10), new(2025, 6, 30));

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(runsOn));

        Assert.Equal(
            Enumerable.Range(10, 6).Select(day => new DateTime(2025, 6, day)),
            file["Daily"].DataRows().Select(row => row.Cell(1).GetDateTime()));
    }

    [Fact]
    public async Task Sums_each_person_on_the_People_sheet_as_the_participants_page_does_the_longest_connected_first()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var rooms = Sim.Dataset.Rooms.ToDictionary(room => room.HostId, room => room.Name, StringComparer.Ordinal);
        var expected = ParticipantsTruth.Totals(Sim.Dataset, Spring, hostId: null)
            .OrderByDescending(person => person.Value.Connected)
            .ThenBy(person => person.Key, StringComparer.InvariantCulture)
            .ThenBy(person => person.Key, StringComparer.Ordinal)
            .Select(person => string.Join(" | ",
                AsExcelReadsIt(person.Key),
                person.Value.Meetings,
                person.Value.Sessions,
                (long)person.Value.Connected.TotalMinutes,
                Time(person.Value.First),
                Time(person.Value.Last),
                YesNo(person.Value.StillConnected),
                person.Value.Rooms.Count,
                string.Join("; ", person.Value.Rooms.Select(hostId => rooms[hostId]).Order(StringComparer.InvariantCulture))))
            .ToList();

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring, reveal: true));

        var sheet = file["People"];
        Assert.Equal(
            ["Participant", "Meetings", "Joins", "Connected minutes", "First seen (Asia/Shanghai)", "Last seen (Asia/Shanghai)", "Still connected", "Rooms used", "Room names"],
            sheet.Headers());
        Assert.Equal(expected, sheet.DataRows().Select(row => string.Join(" | ", row.Cells(1, 9).Select(Shown))));
        Assert.True(expected.Count > 20, "the period should have many people");
    }

    [Fact]
    public async Task States_each_rooms_peak_and_utilisation_and_the_accounts_as_the_room_usage_page_does()
    {
        // Arrange
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var page = await core.RoomUsage().GetAsync(new(Spring), progress: null, TestContext.Current.CancellationToken);
        Assert.True(page.Succeeded, page.Failure?.Describe());
        var usage = page.Value;
        Assert.Contains(usage.Rooms, line => line.Utilisation.Ratio is > 0m);

        // Act
        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring));

        // Assert
        // The file lists the rooms as the page does by default, the busiest first.
        var rooms = file["Rooms"];
        Assert.Equal(
            usage.Rooms.Select(line => (line.HostId, line.PeakConcurrentMeetings, Minutes(line.Utilisation.Available), Minutes(line.Utilisation.Occupied), Share(line.Utilisation.Ratio))),
            rooms.DataRows().Select(row => (
                row.Cell(rooms.ColumnOf("Room ID")).GetString(),
                Int(row.Cell(rooms.ColumnOf("Peak concurrent meetings"))),
                Int(row.Cell(rooms.ColumnOf("Business minutes"))),
                Int(row.Cell(rooms.ColumnOf("Occupied business minutes"))),
                Share((decimal)row.Cell(rooms.ColumnOf("Utilisation")).GetDouble()))));
        Assert.Equal("0.0%", rooms.Cell(2, rooms.ColumnOf("Utilisation")).Style.NumberFormat.Format);
        var summary = file["Summary"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2));
        Assert.Equal(usage.Totals.PeakConcurrentMeetings, Int(summary["Peak concurrent meetings (the licences needed at once)"]));
        Assert.Equal(Minutes(usage.Totals.Utilisation.Available), Int(summary["Business minutes (all rooms listed)"]));
        Assert.Equal(Share(usage.Totals.Utilisation.Ratio), Share((decimal)summary["Utilisation"].GetDouble()));
        Assert.Equal("Monday–Friday 09:00–18:00, Asia/Shanghai (UTC+08:00)", summary["Business hours (utilisation is measured against them)"].GetString());

        static int Minutes(TimeSpan time) => (int)Math.Round(time.TotalMinutes, MidpointRounding.AwayFromZero);
        static decimal? Share(decimal? ratio) => ratio is { } value ? Math.Round(value, 6) : null;
    }

    [Fact]
    public async Task Keeps_hostile_topics_as_inert_text_never_as_formulas()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring));

        var meetings = file["Meetings"];
        var topics = meetings.DataRows().Select(row => row.Cell(meetings.ColumnOf("Topic"))).ToList();
        foreach (var hostile in SimulatorHostileValues.Topics)
        {
            var cell = topics.FirstOrDefault(topic => topic.GetString() == AsExcelReadsIt(hostile));
            Assert.True(cell is not null, $"The topic '{hostile}' is not in the Meetings sheet as text");
            Assert.Equal((XLDataType.Text, false), (cell.DataType, cell.HasFormula));
        }

        Assert.All(file.Workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed()), cell => Assert.False(cell.HasFormula, $"{cell.Address} holds a formula"));
        Assert.Contains(file["Joins"].CellsUsed(), cell => cell.GetString() == "=1+1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Holds_whole_phone_numbers_only_when_they_may_be_revealed(bool reveal)
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var numbers = Sim.Dataset.MeetingsBetween(Spring.From, Spring.To).SelectMany(m => m.Telephony).Select(call => Digits(call.PhoneNumber)).ToHashSet();

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring, reveal: reveal));

        var whole = file.AllText().SelectMany(text => DigitRuns().Matches(Digits(text))).Select(match => match.Value).Where(numbers.Contains).Distinct().Count();
        Assert.Equal(reveal ? numbers.Count : 0, whole);
        Assert.Contains(file["Telephony"].CellsUsed(), cell => cell.GetString().Contains("****", StringComparison.Ordinal) != reveal);
    }

    [Fact]
    public async Task Exports_only_the_chosen_room_and_names_it_on_the_summary()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var room = Sim.Dataset.Rooms[3];
        var truth = Sim.Dataset.MeetingsBetween(Spring.From, Spring.To, room.HostId);

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring, room.HostId));

        Assert.Equal(truth.Select(m => m.Uuid), file["Meetings"].DataRows().Select(row => row.Cell(1).GetString()));
        Assert.Equal([(room.Name, room.HostId)], file["Rooms"].DataRows().Select(row => (row.Cell(1).GetString(), row.Cell(2).GetString())));
        Assert.Equal($"{room.Name} ({room.HostId})", file["Summary"].DataRows().Single(row => row.Cell(1).GetString() == "Room").Cell(2).GetString());
    }

    [Fact]
    public async Task Reports_windows_and_pages_fetched_then_rows_written_of_the_total_the_people_included()
    {
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var progress = new ExportProgressLog();

        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(Spring), progress);

        var reports = progress.Reports;
        var rows = file.Outcome.Sheets.Where(s => s.Name is "Meetings" or "Joins" or "Telephony").Sum(s => s.Rows);
        var gathering = reports.Where(r => r.Stage == ExportStage.Gathering).ToList();
        Assert.NotEmpty(gathering);
        Assert.All(gathering, r => Assert.Equal(3, r.Fetched.WindowsTotal));
        Assert.Equal((3, rows), (gathering[^1].Fetched.WindowsDone, gathering[^1].Rows));
        Assert.Equal(gathering.Select(r => r.Fetched.PagesDone).Order(), gathering.Select(r => r.Fetched.PagesDone));
        var streamed = rows + file.Outcome.Sheets.Single(s => s.Name == "People").Rows;
        Assert.Equal(new ExportProgress(ExportStage.Writing, gathering[^1].Fetched, streamed, streamed), reports.Last(r => r.Stage == ExportStage.Writing));
        Assert.Equal(ExportStage.Done, reports[^1].Stage);
    }

    /// <summary>How a text reads back: XML keeps line ends as line feeds.</summary>
    internal static string AsExcelReadsIt(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>A flag as the file writes it: the word, in the file's language (English here).</summary>
    private static string YesNo(bool flag) => flag ? "Yes" : "No";

    /// <summary>The upstream writes times to the second; the simulator keeps fractions it never sends.</summary>
    private static DateTime ToSecond(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Kind);

    private static string Time(DateTime? wallClock) => wallClock?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A cell as the ground truth lines write it: times to the second, money to the fen.</summary>
    private static string Shown(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => Time(cell.GetDateTime()),
        XLDataType.Number when cell.Style.NumberFormat.Format.Contains('¥', StringComparison.Ordinal) => cell.Money().ToString("0.00", CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    private static (XLDataType Type, string Format) Typed(IXLWorksheet sheet, IXLRow row, string header)
    {
        var cell = row.Cell(sheet.ColumnOf(header));
        return (cell.DataType, cell.Style.NumberFormat.Format);
    }

    private static int Int(IXLCell cell)
    {
        Assert.Equal(XLDataType.Number, cell.DataType);
        return (int)cell.GetDouble();
    }

    private static MeetingFigures Figures(IXLRow row, int first) => new(
        Int(row.Cell(first)), Int(row.Cell(first + 1)), Int(row.Cell(first + 3)), Int(row.Cell(first + 4)), Int(row.Cell(first + 5)),
        Int(row.Cell(first + 6)), Int(row.Cell(first + 7)), Int(row.Cell(first + 2)), Int(row.Cell(first + 8)), Int(row.Cell(first + 9)), row.Cell(first + 10).Money());

    private static string Digits(string text) => new([.. text.Where(character => char.IsAsciiDigit(character) || character == '*')]);

    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex DigitRuns();
}
