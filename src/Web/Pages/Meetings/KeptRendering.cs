using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Web.Gathering;

namespace UMeetingReports.Web.Pages.Meetings;

/// <summary>
/// Names what /meetings shows of its report (the form, the KPIs and their comparison, the table, the pager), for the
/// <c>cache</c> tag helpers that keep it rendered: rendering it was most of a warm request (bench/README.md, "P1"),
/// and it is the same for every reader of the same address while the archive holds the same copies of the period's
/// months and of the previous period's, the room list is the same and today is the same day (the language is the
/// tag helpers' own part of the key). Nothing of it is the reader's own: the layout, with the reader's name and
/// forms, and the data's age ("3 min ago") are rendered on every request.
/// </summary>
internal static class KeptRendering
{
    // Worked out once per room list: the directory hands out the same list until it reads the rooms again.
    private static readonly ConditionalWeakTable<RoomList, string> Fingerprints = [];

    /// <summary>
    /// The key, or null when the page must be rendered afresh: anything short of a whole report (progress, a failure,
    /// KPIs still being counted), and a page whose words depend on what no copy names. A search and the order by room
    /// follow room names the archive keeps beside the months (as <see cref="MeetingPages"/> does not keep them
    /// either), and a row of a room the list does not know is named by the archive.
    /// </summary>
    public static string? KeyOf(string query, ArchivedPeriod months, MeetingsReport report, Gathered<PeriodKpis>? kpis, KpiComparison? comparison, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(report);
        if (!string.IsNullOrEmpty(report.Request.Search) || report.Request.Sort == MeetingSort.Room
            || !report.Rooms.IsKnown || !report.Rooms.NamesEvery(report.Rows, static row => row.HostId))
        {
            return null;
        }

        if (kpis is not null && (kpis.Value is null || comparison is null))
        {
            return null;
        }

        var previous = comparison?.Previous;
        return string.Join(
            '\n',
            query,
            months.Copies,
            previous is null ? "-" : $"{previous.State}@{previous.Months?.Copies}",
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Fingerprints.GetValue(report.Rooms, Fingerprint));
    }

    private static string Fingerprint(RoomList rooms)
    {
        var names = new StringBuilder();
        foreach (var room in rooms.Rooms)
        {
            names.Append(room.HostId).Append('\0').Append(room.Name).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(names.ToString())));
    }
}
