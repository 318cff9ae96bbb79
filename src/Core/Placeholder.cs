namespace UMeetingReports.Core; internal static class Placeholder;
