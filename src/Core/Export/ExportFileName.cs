using System.Globalization;
using System.Text;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>
/// File names that say what is inside: <c>umeeting-meetings_2025-01-01_2025-03-31.xlsx</c> (<c>umeeting-rooms_…</c> and
/// so on for the workbook of another report page, <c>umeeting-joins_…csv</c> for one table), with the room's name
/// appended when one room was chosen (<c>..._2025-03-31_Board-Room.xlsx</c>), and the participants searched for
/// when the file is narrowed to them (<c>..._participant-zhang.xlsx</c>), the meetings report's search
/// (<c>..._search-review.xlsx</c>) and one record's id (<c>..._record-3fQ8kLp2Tz6aYwX0uJ1bNg.xlsx</c>). Those parts keep letters and digits of any
/// script, so Chinese names survive; everything else becomes a dash.
/// </summary>
public static class ExportFileName
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvContentType = "text/csv; charset=utf-8";

    private const int MaxRoomLength = 48;

    /// <param name="report">What the file is named for: the report page it was asked from (<c>rooms</c> gives
    /// <c>umeeting-rooms_…xlsx</c>), so that the workbooks of several pages for one period keep names of their own.</param>
    public static string Workbook(DatePeriod period, string? roomName, string? participantName = null, string? search = null, string? record = null, string report = "meetings") =>
        Build(report, period, roomName, participantName, search, record, "xlsx");

    public static string Csv(CsvTable table, DatePeriod period, string? roomName, string? participantName = null, string? search = null, string? record = null) =>
        Build(table == CsvTable.Participants ? "joins" : table.ToString().ToLowerInvariant(), period, roomName, participantName, search, record, "csv");

    private static string Build(string content, DatePeriod period, string? roomName, string? participantName, string? search, string? record, string extension)
    {
        var name = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"umeeting-{content}_{period.From:yyyy-MM-dd}_{period.To:yyyy-MM-dd}"));
        var room = Sanitize(roomName);
        if (room.Length > 0)
        {
            name.Append('_').Append(room);
        }

        var participant = Sanitize(participantName);
        if (participant.Length > 0)
        {
            name.Append("_participant-").Append(participant);
        }

        // A search of signs alone ("+") keeps "_search": the file still differs from the whole period's by its name.
        var searched = Sanitize(search);
        if (searched.Length > 0)
        {
            name.Append("_search-").Append(searched);
        }
        else if (!string.IsNullOrWhiteSpace(search))
        {
            name.Append("_search");
        }

        // One record's file (from /meeting): two meetings of one room on one day get two names.
        var recordId = Sanitize(record);
        if (recordId.Length > 0)
        {
            name.Append("_record-").Append(recordId);
        }

        return name.Append('.').Append(extension).ToString();
    }

    private static string Sanitize(string? roomName)
    {
        var text = new StringBuilder();
        foreach (var character in (roomName ?? string.Empty).Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(character))
            {
                text.Append(character);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }

            if (text.Length >= MaxRoomLength)
            {
                break;
            }
        }

        return text.ToString().TrimEnd('-');
    }
}
