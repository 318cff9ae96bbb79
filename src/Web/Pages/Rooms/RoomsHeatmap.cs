using UMeetingReports.Core.Reports.RoomUsage;

namespace UMeetingReports.Web.Pages.Rooms;

/// <summary>What _RoomsHeatmap shows: the heatmap, whose room it is, each cell's shade, and the table's actual minutes it differs from.</summary>
/// <param name="RoomLabel">The room's name, or "all rooms", localized.</param>
/// <param name="ActualMinutes">The table's "Actual min" of the same room (or of all rooms), which the page explains the heatmap's total against.</param>
internal sealed record RoomsHeatmap(OccupancyHeatmap Heatmap, string RoomLabel, int ActualMinutes)
{
    /// <summary>Shades besides the empty one: site.css has .heat-0 (no meeting time) to .heat-5 (the busiest hour).</summary>
    public const int Shades = 5;

    private readonly TimeSpan _busiest = Heatmap.Days.SelectMany(day => day.Hours).DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>The report's heatmap beside the actual minutes of its room in the table (all rooms: the totals row).</summary>
    public static RoomsHeatmap Of(RoomUsageReport report, string roomLabel)
    {
        ArgumentNullException.ThrowIfNull(report);
        var actual = report.Heatmap.HostId is { } hostId
            ? report.Rooms.FirstOrDefault(line => line.HostId == hostId)?.Figures.ActualMinutes ?? 0
            : report.Totals.Figures.ActualMinutes;
        return new RoomsHeatmap(report.Heatmap, roomLabel, actual);
    }

    /// <summary>Whole minutes, "&lt;1" for a few seconds (so that a shaded cell never reads 0), nothing for an empty hour.</summary>
    public static string? TextOf(TimeSpan cell) =>
        cell <= TimeSpan.Zero ? null : cell < TimeSpan.FromSeconds(30) ? "<1" : Formatting.Display.Minutes(cell);

    /// <summary>0 for an hour without meeting time; otherwise 1 to <see cref="Shades"/> by its share of the busiest hour.</summary>
    public int ShadeOf(TimeSpan cell) =>
        cell <= TimeSpan.Zero || _busiest <= TimeSpan.Zero
            ? 0
            : Math.Clamp((int)Math.Ceiling((double)cell.Ticks * Shades / _busiest.Ticks), 1, Shades);
}
