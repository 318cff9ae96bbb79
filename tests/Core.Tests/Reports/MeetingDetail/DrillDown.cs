using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Tests.Reports.MeetingDetail;

/// <summary>The drill-down services, over the real registration (against the simulator) or over plain objects.</summary>
internal static class DrillDown
{
    /// <summary>15:00 on the simulator's "today" (2025-06-15) in Shanghai: the moment its data describes.</summary>
    public static readonly DateTimeOffset SimulatorNow = new(2025, 6, 15, 7, 0, 0, TimeSpan.Zero);

    public static IMeetingDetailService DetailService(this CoreHarness core) =>
        ActivatorUtilities.CreateInstance<MeetingDetailService>(core.Services);

    public static IParticipantsReportService ParticipantsService(this CoreHarness core) =>
        ActivatorUtilities.CreateInstance<ParticipantsReportService>(core.Services);

    public static UpstreamZone ZoneAt(DateTimeOffset now) => new(GroundTruth.Shanghai, new FakeTimeProvider(now));

    public static IMeetingDetailService DetailService(IMeetingReader reader, DateTimeOffset now, IRoomDirectory? rooms = null) =>
        new MeetingDetailService(reader, rooms ?? FixedRoomDirectory.Named(("ROOM-A", "Boardroom")), ZoneAt(now), NullLogger<MeetingDetailService>.Instance);

    public static IParticipantsReportService ParticipantsService(IMeetingReader reader, DateTimeOffset now, IRoomDirectory? rooms = null) =>
        new ParticipantsReportService(reader, rooms ?? FixedRoomDirectory.Named(("ROOM-A", "Boardroom"), ("ROOM-B", "Garden")), ZoneAt(now));

    /// <summary>The report of one meeting built from plain objects, or a failed assertion saying what came back instead.</summary>
    public static async Task<MeetingDetailReport> DetailOf(Meeting meeting, DateTimeOffset? now = null, bool revealPhoneNumbers = true)
    {
        var service = DetailService(new InMemoryMeetingReader(meeting), now ?? meeting.Start.AddDays(1));
        var result = await service.GetAsync(meeting.Uuid, new DatePeriod(new(2025, 3, 1), new(2025, 3, 31)), revealPhoneNumbers, Xunit.TestContext.Current.CancellationToken);
        return Xunit.Assert.IsType<MeetingDetailFound>(result).Report;
    }
}
