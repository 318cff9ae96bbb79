using UMeetingReports.Core.Reports.RoomUsage;

namespace UMeetingReports.Web.Pages.Rooms;

/// <summary>What _RoomsHeatmap shows: the heatmap, whose room it is, and each cell's shade.</summary>
/// <param name="RoomLabel">The room's name, or "all rooms", localized.</param>
internal sealed record RoomsHeatmap(OccupancyHeatmap Heatmap, string RoomLabel)
{
    /// <summary>Shades besides the empty one: site.css has .heat-0 (no meeting time) to .heat-5 (the busiest hour).</summary>
    public const int Shades = 5;

    private readonly TimeSpan _busiest = Heatmap.Days.SelectMany(day => day.Hours).DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>Whole minutes, "&lt;1" for a few seconds (so that a shaded cell never reads 0), nothing for an empty hour.</summary>
    public static string? TextOf(TimeSpan cell) =>
        cell <= TimeSpan.Zero ? null : cell < TimeSpan.FromSeconds(30) ? "<1" : Formatting.Display.Minutes(cell);

    /// <summary>0 for an hour without meeting time; otherwise 1 to <see cref="Shades"/> by its share of the busiest hour.</summary>
    public int ShadeOf(TimeSpan cell) =>
        cell <= TimeSpan.Zero || _busiest <= TimeSpan.Zero
            ? 0
            : Math.Clamp((int)Math.Ceiling((double)cell.Ticks * Shades / _busiest.Ticks), 1, Shades);
}
