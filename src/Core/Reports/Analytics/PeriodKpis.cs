namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>The KPIs of a whole filtered period (every window, every page), not of the page on screen.</summary>
public sealed record PeriodKpis(AnalyticsFilter Filter, MeetingFigures Figures);
