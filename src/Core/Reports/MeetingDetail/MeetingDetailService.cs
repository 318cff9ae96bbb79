using Microsoft.Extensions.Logging;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Reports.MeetingDetail;

internal sealed partial class MeetingDetailService(
    ArchiveReader archive,
    IArchivePeriods periods,
    IRoomDirectory rooms,
    UpstreamZone zone,
    ILogger<MeetingDetailService> logger) : IMeetingDetailService
{
    public async Task<MeetingDetailResult> GetAsync(string uuid, DatePeriod? period, bool revealPhoneNumbers, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);

        var searched = new List<DatePeriod>();
        var windows = period is { } given ? [given] : await WindowsToSearchAsync(uuid, cancellationToken).ConfigureAwait(false);
        foreach (var window in windows)
        {
            searched.Add(window);
            var query = new MeetingQuery(window, Uuid: uuid, ShowParticipants: true, ShowTelephonyUsage: true);
            var answer = await archive.GetAllAsync(query, progress: null, cancellationToken).ConfigureAwait(false);
            if (!answer.Succeeded)
            {
                return new MeetingDetailFailed(uuid, answer.Failure, searched);
            }

            var meeting = answer.Value.FirstOrDefault(candidate => string.Equals(candidate.Uuid, uuid, StringComparison.Ordinal));
            if (meeting is not null)
            {
                var roomList = await rooms.GetRoomsAsync(cancellationToken).ConfigureAwait(false);
                return new MeetingDetailFound(Build(meeting, window, roomList.NameOf(meeting.HostId), revealPhoneNumbers), searched);
            }
        }

        LogNotFound(logger, uuid, searched.Count, searched[0], searched[^1]);
        return new MeetingDetailNotFound(uuid, searched);
    }

    /// <summary>
    /// Without a period: the month the archive already holds the record in first, whatever its age (a bookmark of a
    /// meeting older than the thirteen months is found), then the thirteen months back from today.
    /// </summary>
    private async Task<IReadOnlyList<DatePeriod>> WindowsToSearchAsync(string uuid, CancellationToken cancellationToken)
    {
        var back = MeetingDetailSearch.WindowsBack(zone.Today);
        if (await periods.DayOfRecordAsync(uuid, cancellationToken).ConfigureAwait(false) is not { } day)
        {
            return back;
        }

        var month = new DateOnly(day.Year, day.Month, 1);
        var lastDay = month.AddMonths(1).AddDays(-1);
        var window = new DatePeriod(month, lastDay < zone.Today ? lastDay : zone.Today);
        return [window, .. back.Where(other => other != window)];
    }

    private MeetingDetailReport Build(Meeting meeting, DatePeriod foundIn, string roomName, bool revealPhoneNumbers)
    {
        Func<string, string> shown = revealPhoneNumbers ? static name => name : PhoneNumberMask.MaskIfPhoneNumber;
        var until = Attendance.MeasuredUntil(meeting, zone.Now);
        var flaws = new List<DataFlaw>();
        var sessions = Attendance.Sessions(meeting, until, shown, flaws);
        var people = Attendance.ByPerson(sessions, shown);

        // Built from the masked copy only, so a Viewer's result holds no whole number anywhere.
        var visible = revealPhoneNumbers ? meeting : meeting with
        {
            Participants = [.. meeting.Participants.Select(row => row with { Name = shown(row.Name) })],
            Telephony = [.. meeting.Telephony.Select(call => call with { PhoneNumber = PhoneNumberMask.Mask(call.PhoneNumber) })],
        };

        return new MeetingDetailReport(
            visible,
            roomName,
            foundIn,
            until,
            [.. people.Select(person => Attendance.Attend(person, meeting.Start, until))],
            Attendance.Peak(sessions),
            new MeetingTimeline(Attendance.Minutes(until - meeting.Start), [.. people.Select(person => Attendance.Bars(person, meeting.Start))]),
            TelephonySummary.Of(visible.Telephony),
            flaws,
            zone.Describe(),
            revealPhoneNumbers);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting record {Uuid} was not found in {Periods} period(s) searched, {Newest} back to {Oldest}")]
    private static partial void LogNotFound(ILogger logger, string uuid, int periods, DatePeriod newest, DatePeriod oldest);
}
