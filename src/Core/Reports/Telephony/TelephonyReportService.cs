using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.Telephony;

internal sealed class TelephonyReportService(PeriodMeetings source, IRoomDirectory rooms, UpstreamZone zone) : ITelephonyReportService
{
    public async Task<UpstreamResult<TelephonyReport>> GetAsync(
        AnalyticsFilter filter, bool revealPhoneNumbers, IProgress<GatherProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // Names and meetings are independent; the room list never fails (it degrades to host ids).
        var roomsTask = rooms.GetRoomsAsync(cancellationToken);
        var meetings = await source.GatherAsync(filter, progress, cancellationToken).ConfigureAwait(false);
        var roomList = await roomsTask.ConfigureAwait(false);

        return meetings.Succeeded
            ? UpstreamResult<TelephonyReport>.Success(TelephonyReportBuilder.Build(filter, meetings.Value, roomList, revealPhoneNumbers, zone))
            : UpstreamResult<TelephonyReport>.Failed(meetings.Failure);
    }
}
