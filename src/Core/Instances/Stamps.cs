namespace UMeetingReports.Core.Instances;

/// <summary>Instants as the shared tables hold them: UTC, Kind Unspecified ("timestamp without time zone" on PostgreSQL).</summary>
internal static class Stamps
{
    public static DateTime Of(DateTimeOffset instant) => DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified);

    public static DateTimeOffset ToInstant(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
