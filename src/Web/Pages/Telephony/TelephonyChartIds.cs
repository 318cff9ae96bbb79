namespace UMeetingReports.Web.Pages.Telephony;

/// <summary>The ids of /telephony's charts: each names a canvas, its JSON block, and the data-testid stem of its figure.</summary>
internal static class TelephonyChartIds
{
    public const string CostPerDay = "telephony-cost-per-day";
    public const string CostPerRoom = "telephony-cost-per-room";
    public const string TopNumbers = "telephony-top-numbers";
    public const string MinutesByType = "telephony-minutes-by-type";
}
