using System.Text;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Tests.Shared;
using UMeetingReports.Simulator.Data;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>CSV downloads: bytes as Excel and RFC 4180 readers expect them, and nothing a spreadsheet would run.</summary>
public sealed class CsvExportTests
{
    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));

    [Fact]
    public async Task Starts_with_a_utf8_bom_ends_every_line_with_crlf_and_heads_the_columns_with_the_zone()
    {
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().About("产品评审").WithCall("+8613712349201", 0, 30, 30, 3.00m).Build();

        var (outcome, text, bytes) = await ExportHarness.InMemory(folder, [meeting]).CsvAsync(ExportHarness.Request(March, reveal: true), CsvTable.Telephony);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "\uFEFFMeeting UUID,Meeting ID,Topic,Room,Room ID,Phone number,Type,Start (Asia/Shanghai),End (Asia/Shanghai),Phone minutes,Phone cost\r\n"
            + "dgvOvqWVRUWjrEOS2YI2ig==,1790001234,产品评审,Boardroom,ROOM-A,'+8613712349201,Call-in,2025-03-04 09:00:00,2025-03-04 09:30:00,30,3.00\r\n",
            text);
        Assert.Equal([new ExportedSheet("Telephony", 1)], outcome.Sheets);
        Assert.Equal(bytes.Length, outcome.Bytes);
        Assert.Empty(folder.Files);
    }

    [Fact]
    public async Task The_people_table_has_one_line_per_name_summed_over_every_meeting_the_longest_connected_first()
    {
        using var folder = new ExportFolder();
        var meetings = new[]
        {
            MeetingBuilder.A("m1").InRoom("ROOM-A").With("Li Lei", 0, 30).With("Li Lei", 20, 40).With("+8613712349201", 0, 10).Build(),
            MeetingBuilder.A("m2").InRoom("ROOM-B").StartingAt(MeetingBuilder.Nine.AddDays(1)).With("Li Lei", 0, 15).Build(),
        };

        var (outcome, text, _) = await ExportHarness.InMemory(folder, meetings).CsvAsync(ExportHarness.Request(March), CsvTable.People);

        Assert.Equal(
            "\uFEFFParticipant,Meetings,Joins,Connected minutes,First seen (Asia/Shanghai),Last seen (Asia/Shanghai),Still connected,Rooms used,Room names\r\n"
            + "Li Lei,2,3,55,2025-03-04 09:00:00,2025-03-05 09:15:00,No,2,Boardroom; Garden\r\n"
            + "'+86 137****9201,1,1,10,2025-03-04 09:00:00,2025-03-04 09:10:00,No,1,Boardroom\r\n",
            text);
        Assert.Equal([new ExportedSheet("People", 2)], outcome.Sheets);
    }

    [Fact]
    public async Task Prefixes_every_hostile_topic_with_an_apostrophe_and_quotes_fields_as_rfc_4180_says()
    {
        using var folder = new ExportFolder();
        var topics = SimulatorHostileValues.Topics.Append("Plain, with a comma").ToList();
        var meetings = topics.Select((topic, index) => MeetingBuilder.A($"u{index}").StartingAt(MeetingBuilder.Nine.AddHours(index)).About(topic).Build()).ToList();

        var (_, text, _) = await ExportHarness.InMemory(folder, meetings).CsvAsync(ExportHarness.Request(March), CsvTable.Meetings);

        var records = Rfc4180.Parse(text.TrimStart('\uFEFF'));
        Assert.All(records, record => Assert.Equal(records[0].Count, record.Count));
        Assert.Equal(
            topics.Select(topic => topic[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + topic : topic),
            records.Skip(1).Select(record => record[4]));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Quarterly plan\r\nsecond line\"", text, StringComparison.Ordinal);
        Assert.Contains(",'-2 budget cut,", text, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1),", text, StringComparison.Ordinal);
        Assert.Contains(",'\tIndented weekly sync,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_numbers_and_times_in_an_invariant_form_flags_as_words_and_blanks_for_what_is_not_known()
    {
        using var folder = new ExportFolder();
        var running = MeetingBuilder.A().Scheduled(90).StillRunning().WithCall("+8613712349201", 0, 30, 1234, 1234.5m).Build();

        var (_, text, _) = await ExportHarness.InMemory(folder, [running]).CsvAsync(ExportHarness.Request(March), CsvTable.Meetings);

        // Money comes back from the archive to the fen: 1234.5 is written 1234.50.
        var row = Rfc4180.Parse(text.TrimStart('\uFEFF'))[1];
        Assert.Equal(
            ["dgvOvqWVRUWjrEOS2YI2ig==", "1790001234", "Boardroom", "ROOM-A", "Weekly review", "2025-03-04 09:00:00", "", "Yes", "No", "90", "", "0", "0", "1", "1234", "1234.50"],
            row);
    }

    [Fact]
    public async Task Holds_no_whole_phone_number_in_a_viewers_participants_or_telephony_file()
    {
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().With("+86 137 1234 9201", 0, 30).WithCall("+8613712349201", 0, 30, 30, 3.00m).Build();
        var exporter = ExportHarness.InMemory(folder, [meeting]);

        var (_, participants, _) = await exporter.CsvAsync(ExportHarness.Request(March), CsvTable.Participants);
        var (_, telephony, _) = await exporter.CsvAsync(ExportHarness.Request(March), CsvTable.Telephony);
        var (_, revealed, _) = await exporter.CsvAsync(ExportHarness.Request(March, reveal: true), CsvTable.Participants);

        Assert.DoesNotContain("8613712349201", Digits(participants + telephony), StringComparison.Ordinal);
        Assert.Contains("'+86 137****9201", participants, StringComparison.Ordinal);
        Assert.Contains("'+86 137****9201", telephony, StringComparison.Ordinal);
        Assert.Contains("8613712349201", Digits(revealed), StringComparison.Ordinal);
    }

    private static string Digits(string text) => new([.. text.Where(character => char.IsAsciiDigit(character) || character is '*' or '\n')]);
}
