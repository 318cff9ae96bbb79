using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    /// <summary>
    /// The service over meetings in memory, read as the app reads them: each question gets a fresh archive, whose
    /// months the synchroniser fills from <paramref name="reader"/> before the service answers from it.
    /// </summary>
    public static IMeetingDetailService DetailService(IMeetingReader reader, DateTimeOffset now, IRoomDirectory? rooms = null) =>
        new OverArchive(reader, now, rooms ?? FixedRoomDirectory.Named(("ROOM-A", "Boardroom")));

    public static IParticipantsReportService ParticipantsService(IMeetingReader reader, DateTimeOffset now, IRoomDirectory? rooms = null) =>
        new OverArchive(reader, now, rooms ?? FixedRoomDirectory.Named(("ROOM-A", "Boardroom"), ("ROOM-B", "Garden")));

    /// <summary>The report of one meeting built from plain objects, or a failed assertion saying what came back instead.</summary>
    public static async Task<MeetingDetailReport> DetailOf(Meeting meeting, DateTimeOffset? now = null, bool revealPhoneNumbers = true)
    {
        var service = DetailService(new InMemoryMeetingReader(meeting), now ?? meeting.Start.AddDays(1));
        var result = await service.GetAsync(meeting.Uuid, new DatePeriod(new(2025, 3, 1), new(2025, 3, 31)), revealPhoneNumbers, Xunit.TestContext.Current.CancellationToken);
        return Xunit.Assert.IsType<MeetingDetailFound>(result).Report;
    }
}

/// <summary>A drill-down service made, for each question, over a fresh archive filled from an in-memory reader.</summary>
internal sealed class OverArchive(IMeetingReader reader, DateTimeOffset now, IRoomDirectory rooms) : IMeetingDetailService, IParticipantsReportService
{
    public async Task<MeetingDetailResult> GetAsync(string uuid, DatePeriod? period, bool revealPhoneNumbers, CancellationToken cancellationToken)
    {
        await using var core = Core();
        return await core.DetailService().GetAsync(uuid, period, revealPhoneNumbers, cancellationToken);
    }

    public async Task<UpstreamResult<ParticipantsReport>> GetAsync(ParticipantsRequest request, CancellationToken cancellationToken)
    {
        await using var core = Core();
        return await core.ParticipantsService().GetAsync(request, cancellationToken);
    }

    private CoreHarness Core() => CoreHarness.Create(
        new Uri("http://in-memory.test"),
        clock: new FakeTimeProvider(now),
        register: services => services
            .Replace(ServiceDescriptor.Singleton(reader))
            .Replace(ServiceDescriptor.Singleton(rooms)));
}
