using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Tests.Reports.Analytics;

/// <summary>
/// The analytics services over a <see cref="CoreHarness"/>'s real archive (read from its simulator) and room directory. Built here
/// rather than resolved because <c>AddAnalyticsReports</c> is registered by the app beside <c>AddMeetingReports</c>;
/// <see cref="AnalyticsRegistrationTests"/> checks that registration itself.
/// </summary>
internal static class AnalyticsHarness
{
    /// <summary>15:00 on the shared simulator's "today" (2025-06-15, a Sunday) in Shanghai: the simulator's "now".</summary>
    public static readonly DateTimeOffset SimulatorNow = new(2025, 6, 15, 7, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider SimulatorClock() => new(SimulatorNow);

    /// <param name="licences">Reports:Licences as configured; null leaves it out.</param>
    public static IPeriodKpiService Kpis(this CoreHarness core, string? licences = null) =>
        new PeriodKpiService(Source(core), core.Rooms, core.Zone, Options.Create(new LicenceOptions { Licences = licences }), Options.Create(new BusinessHoursOptions()));

    public static ITelephonyReportService Telephony(this CoreHarness core) => new TelephonyReportService(Source(core), core.Rooms, core.Zone);

    public static IRoomUsageReportService RoomUsage(this CoreHarness core, BusinessHoursOptions? hours = null) =>
        new RoomUsageReportService(Source(core), core.Rooms, core.Zone, Options.Create(hours ?? new BusinessHoursOptions()));

    /// <summary>The upstream zone (Asia/Shanghai) with its clock stopped at <paramref name="now"/>.</summary>
    public static UpstreamZone ZoneAt(DateTimeOffset now) => new(GroundTruth.Shanghai, new FakeTimeProvider(now));

    private static ArchiveReader Source(CoreHarness core) => core.Get<ArchiveReader>();
}

/// <summary>Keeps every progress report, as they come, so a test can read what a page would have shown.</summary>
internal sealed class ProgressLog : IProgress<GatherProgress>
{
    private readonly Lock _gate = new();
    private readonly List<GatherProgress> _reports = [];

    public IReadOnlyList<GatherProgress> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(GatherProgress value)
    {
        lock (_gate)
        {
            _reports.Add(value);
        }
    }
}
