namespace UMeetingReports.Simulator; internal static class Placeholder;
