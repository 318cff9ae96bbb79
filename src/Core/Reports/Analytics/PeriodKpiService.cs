using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>The KPIs of a period: its months made present in the archive, then counted by the database.</summary>
internal sealed class PeriodKpiService(
    ArchiveReader archive,
    IRoomDirectory rooms,
    UpstreamZone zone,
    IOptions<LicenceOptions> licences,
    IOptions<BusinessHoursOptions> businessHours) : IPeriodKpiService
{
    public async Task<UpstreamResult<PeriodKpis>> GetAsync(AnalyticsFilter filter, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var held = await archive.EnsureAsync(filter.Period, progress, cancellationToken).ConfigureAwait(false);
        if (!held.Succeeded)
        {
            return UpstreamResult<PeriodKpis>.Failed(held.Failure);
        }

        return UpstreamResult<PeriodKpis>.Success(await CountHeldAsync(filter, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The KPIs of a period whose months the archive already holds: what <see cref="GetAsync"/> answers once they are
    /// there, so that the previous period of a comparison (<see cref="KpiComparisonService"/>) counts exactly as its
    /// own page does, licences included. Every statement runs on a connection of its own, all at once, so the caller's
    /// context is free meanwhile (/meetings reads its table beside them).
    /// </summary>
    public async Task<PeriodKpis> CountHeldAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var licenceCheck = licences.Value.Count is { } licenceCount ? LicencesAsync(filter, licenceCount, cancellationToken) : null;
        // The room list never fails (it degrades to host ids); only a search needs its names.
        var roomList = filter.Search is null ? RoomList.Unknown : await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false);
        var figures = await ArchiveFigures.OfAsync(archive, filter, roomList, cancellationToken).ConfigureAwait(false);
        var check = licenceCheck is null ? null : await licenceCheck.ConfigureAwait(false);
        return new PeriodKpis(filter, figures, check);
    }

    /// <summary>
    /// The account's peak, whatever room the filter chose: licences belong to the account, and one room's peak says
    /// nothing about them. Counted as /rooms counts its total peak, so that the two pages agree.
    /// </summary>
    private Task<LicenceCheck> LicencesAsync(AnalyticsFilter filter, int count, CancellationToken cancellationToken) =>
        archive.BesideAsync(filter.Period, hostId: null, async meetings =>
        {
            var read = await archive.ReadAsync(meetings, MeetingParts.None, cancellationToken).ConfigureAwait(false);
            var frame = UsageFrame.For(filter.Period, businessHours.Value, zone, zone.Now);
            return new LicenceCheck(RoomOccupancy.Of(read).PeakConcurrent(frame), count);
        }, cancellationToken);
}
