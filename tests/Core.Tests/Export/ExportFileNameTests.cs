using UMeetingReports.Core.Export;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

public sealed class ExportFileNameTests
{
    private static readonly DatePeriod FirstQuarter = new(new(2025, 1, 1), new(2025, 3, 31));

    [Fact]
    public void Names_the_workbook_after_its_period() =>
        Assert.Equal("umeeting-meetings_2025-01-01_2025-03-31.xlsx", ExportFileName.Workbook(FirstQuarter, roomName: null));

    [Theory]
    [InlineData("Board Room", "umeeting-meetings_2025-01-01_2025-03-31_Board-Room.xlsx")]
    [InlineData("../../etc/passwd", "umeeting-meetings_2025-01-01_2025-03-31_etc-passwd.xlsx")]
    [InlineData("会议室 A/B \"1\"", "umeeting-meetings_2025-01-01_2025-03-31_会议室-A-B-1.xlsx")]
    [InlineData("🚀", "umeeting-meetings_2025-01-01_2025-03-31.xlsx")]
    public void Appends_the_chosen_room_with_only_letters_digits_and_dashes(string room, string expected) =>
        Assert.Equal(expected, ExportFileName.Workbook(FirstQuarter, room));

    [Fact]
    public void Cuts_a_long_room_name_short() =>
        Assert.Equal("umeeting-meetings_2025-01-01_2025-03-31_" + new string('x', 48) + ".xlsx", ExportFileName.Workbook(FirstQuarter, new string('x', 300)));

    [Fact]
    public void Names_a_csv_after_its_table() =>
        Assert.Equal("umeeting-joins_2025-01-01_2025-03-31_Garden.csv", ExportFileName.Csv(CsvTable.Participants, FirstQuarter, "Garden"));

    [Fact]
    public void Names_the_participants_searched_for_after_the_room() =>
        Assert.Equal(
            "umeeting-meetings_2025-01-01_2025-03-31_Garden_participant-Li-Wei.xlsx",
            ExportFileName.Workbook(FirstQuarter, "Garden", participantName: "Li Wei/"));

    [Fact]
    public void Names_the_meetings_search_last_with_only_letters_digits_and_dashes() =>
        Assert.Equal(
            "umeeting-telephony_2025-01-01_2025-03-31_Garden_search-周会-Q1.csv",
            ExportFileName.Csv(CsvTable.Telephony, FirstQuarter, "Garden", search: "周会 / Q1"));

    [Fact]
    public void Names_a_search_of_signs_alone_a_search_still() =>
        Assert.Equal("umeeting-meetings_2025-01-01_2025-03-31_search.csv", ExportFileName.Csv(CsvTable.Meetings, FirstQuarter, roomName: null, search: "+"));

    [Fact]
    public void Names_one_records_file_by_its_id_so_two_meetings_of_a_room_on_one_day_get_two_names() =>
        Assert.Equal(
            ["umeeting-meetings_2025-01-01_2025-03-31_Garden_record-4THEZ0u-DDCk.xlsx", "umeeting-meetings_2025-01-01_2025-03-31_Garden_record-x9Qw.xlsx"],
            [ExportFileName.Workbook(FirstQuarter, "Garden", record: "4THEZ0u/DDCk=="), ExportFileName.Workbook(FirstQuarter, "Garden", record: "+x9Qw")]);
}
