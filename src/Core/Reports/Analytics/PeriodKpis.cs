namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>The KPIs of a whole filtered period (every window, every page), not of the page on screen.</summary>
/// <param name="Licences">The account's peak against its room licences; null when Reports:Licences is not set.</param>
public sealed record PeriodKpis(AnalyticsFilter Filter, MeetingFigures Figures, LicenceCheck? Licences = null);

/// <summary>
/// The most meetings the whole account held at once in the period (every room, overflow rooms included: each meeting
/// at that moment needed a licence) against the room licences it holds.
/// </summary>
public sealed record LicenceCheck(int PeakConcurrentMeetings, int Licences)
{
    /// <summary>How many licences the peak lacked; 0 when the licences sufficed.</summary>
    public int Lacking => Math.Max(0, PeakConcurrentMeetings - Licences);

    /// <summary>True only when the peak went beyond the licences held: then, and only then, more were needed.</summary>
    public bool MoreNeeded => Lacking > 0;
}
