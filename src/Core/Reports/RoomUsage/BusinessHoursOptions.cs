namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>
/// The "Reports:BusinessHours" section: when a room is expected to be in use, in the upstream's zone. Room
/// utilisation is meeting time inside these hours ÷ these hours in the period. Default Monday–Friday 09:00–18:00.
/// </summary>
public sealed class BusinessHoursOptions
{
    public const string SectionName = "Reports:BusinessHours";

    /// <summary>
    /// Business days by their English names, e.g. ["Monday", "Tuesday"]. Null (not configured): Monday to Friday.
    /// Read as text so that a misspelt day stops the app with its name instead of being silently dropped by the
    /// binder; a configured list replaces the default rather than adding to it, so the default is not pre-filled.
    /// </summary>
    public IReadOnlyList<string>? Days { get; set; }

    /// <summary>Start of the business day, e.g. "09:00".</summary>
    public TimeOnly Start { get; set; } = new(9, 0);

    /// <summary>End of the business day, e.g. "18:00"; later than <see cref="Start"/> (hours across midnight are not supported).</summary>
    public TimeOnly End { get; set; } = new(18, 0);

    internal static IReadOnlyList<DayOfWeek> MondayToFriday { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>The business days (validated at start, so every configured name is a day).</summary>
    internal IReadOnlyList<DayOfWeek> BusinessDays =>
        Days is null ? MondayToFriday : [.. Days.Select(ParseDay).OfType<DayOfWeek>().Distinct()];

    /// <summary>A day by its English name, any case; numbers are refused, since 0 is Sunday to .NET and Monday to many people.</summary>
    internal static DayOfWeek? ParseDay(string? name) =>
        Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(day => string.Equals(day.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
