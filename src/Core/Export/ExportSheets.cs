using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Reports.Analytics;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Core.Reports.RoomUsage;
using UMeetingReports.Core.Reports.Telephony;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>One meeting with its room's display name, looked up once for all its rows.</summary>
internal readonly record struct MeetingRow(Meeting Meeting, string Room);

internal readonly record struct ParticipantRow(MeetingRow Of, Participant Participant);

internal readonly record struct CallRow(MeetingRow Of, TelephonyCall Call);

internal sealed record RoomTotals(string Room, string HostId, MeetingFigures Figures, int PeakConcurrentMeetings, Utilisation Utilisation);

internal sealed record DayTotals(DateOnly Day, MeetingFigures Figures);

/// <summary>One call type's calls, minutes and cost as the service names the type; <see cref="Type"/> null for the total of every type.</summary>
internal sealed record CallTypeTotals(string? Type, TelephonyTotals Totals);

/// <summary>One name's line of the People table: its sums, and its rooms by name as the file gives them.</summary>
internal sealed record PersonLine(PersonTally Person, IReadOnlyList<string> Rooms);

/// <summary>
/// Every sheet's columns, for one export: times in the upstream's zone (named in the headers), phone numbers and
/// names that are phone numbers masked unless they may be revealed — the rule of the meeting detail page.
/// </summary>
internal sealed class ExportSheets
{
    public ExportSheets(UpstreamZone zone, bool revealPhoneNumbers, ExportTexts texts)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(texts);
        Texts = texts;
        var t = texts;
        Func<string, string> shownName = revealPhoneNumbers ? static name => name : PhoneNumberMask.MaskIfPhoneNumber;
        ShownName = shownName;
        Func<string, string> shownNumber = revealPhoneNumbers ? static number => number : PhoneNumberMask.Mask;
        var zoneId = zone.Id;
        ExportCell Time(DateTimeOffset? moment) => ExportCell.Of(moment is { } value ? zone.WallClockOf(value) : null);

        Meetings = new MeetingTable<MeetingRow>(
            new(t["Meetings"],
            [
                Text<MeetingRow>(t["Meeting UUID"], 28, row => row.Meeting.Uuid),
                Text<MeetingRow>(t["Meeting ID"], 14, row => row.Meeting.MeetingId),
                Text<MeetingRow>(t["Room"], 24, row => row.Room),
                Text<MeetingRow>(t["Room ID"], 24, row => row.Meeting.HostId),
                Wrapped(Text<MeetingRow>(t["Topic"], 40, row => row.Meeting.Topic)),
                new(t["Start ({0})", zoneId], ColumnKind.DateTime, 21, row => Time(row.Meeting.Start)),
                new(t["End ({0})", zoneId], ColumnKind.DateTime, 21, row => Time(row.Meeting.End)),
                Flag<MeetingRow>(t, t["Running"], row => row.Meeting.IsRunning),
                Flag<MeetingRow>(t, t["Overflow (is_extra)"], row => row.Meeting.IsExtra),
                Integer<MeetingRow>(t["Scheduled minutes"], 11, row => row.Meeting.ScheduledMinutes),
                Integer<MeetingRow>(t["Actual minutes"], 11, row => row.Meeting.ActualMinutes),
                Integer<MeetingRow>(t["Participants|count"], 12, row => row.Meeting.DistinctParticipants),
                Integer<MeetingRow>(t["Joins"], 9, row => row.Meeting.Participants.Count),
                Integer<MeetingRow>(t["Phone calls"], 9, row => row.Meeting.Telephony.Count),
                Integer<MeetingRow>(t["Phone minutes"], 10, row => row.Meeting.TelephonyMinutes),
                Money<MeetingRow>(t["Phone cost"], 13, row => row.Meeting.TelephonyCost),
            ]),
            static meeting => [meeting]);

        Participants = new MeetingTable<ParticipantRow>(
            new(t["Joins|sheet"],
            [
                Text<ParticipantRow>(t["Meeting UUID"], 28, row => row.Of.Meeting.Uuid),
                Text<ParticipantRow>(t["Meeting ID"], 14, row => row.Of.Meeting.MeetingId),
                Wrapped(Text<ParticipantRow>(t["Topic"], 40, row => row.Of.Meeting.Topic)),
                Text<ParticipantRow>(t["Room"], 24, row => row.Of.Room),
                Text<ParticipantRow>(t["Room ID"], 24, row => row.Of.Meeting.HostId),
                Text<ParticipantRow>(t["Participant"], 28, row => shownName(row.Participant.Name)),
                new(t["Join ({0})", zoneId], ColumnKind.DateTime, 21, row => Time(row.Participant.JoinTime)),
                new(t["Leave ({0})", zoneId], ColumnKind.DateTime, 21, row => Time(row.Participant.LeaveTime)),
                Integer<ParticipantRow>(t["Connected minutes"], 11, row => ConnectedMinutes(row.Participant)),
                Flag<ParticipantRow>(t, t["Still connected"], row => row.Participant.IsConnected),
            ]),
            static meeting => meeting.Meeting.Participants.Select(participant => new ParticipantRow(meeting, participant)));

        Telephony = new MeetingTable<CallRow>(
            new(t["Telephony"],
            [
                Text<CallRow>(t["Meeting UUID"], 28, row => row.Of.Meeting.Uuid),
                Text<CallRow>(t["Meeting ID"], 14, row => row.Of.Meeting.MeetingId),
                Wrapped(Text<CallRow>(t["Topic"], 40, row => row.Of.Meeting.Topic)),
                Text<CallRow>(t["Room"], 24, row => row.Of.Room),
                Text<CallRow>(t["Room ID"], 24, row => row.Of.Meeting.HostId),
                Text<CallRow>(t["Phone number"], 20, row => shownNumber(row.Call.PhoneNumber)),
                Text<CallRow>(t["Type"], 10, row => t.CallType(row.Call.Type)),
                new(t["Start ({0})", zoneId], ColumnKind.DateTime, 21, row => Time(row.Call.StartTime)),
                new(t["End ({0})", zoneId], ColumnKind.DateTime, 21, row => Time(row.Call.EndTime)),
                Integer<CallRow>(t["Phone minutes"], 10, row => row.Call.Minutes),
                Money<CallRow>(t["Phone cost"], 13, row => row.Call.Cost),
            ]),
            static meeting => meeting.Meeting.Telephony.Select(call => new CallRow(meeting, call)));

        Rooms = new(t["Rooms"],
        [
            Text<RoomTotals>(t["Room"], 24, row => row.Room),
            Text<RoomTotals>(t["Room ID"], 24, row => row.HostId),
            .. FigureColumns<RoomTotals>(t, row => row.Figures),
            Integer<RoomTotals>(t["Peak concurrent meetings"], 12, row => row.PeakConcurrentMeetings),
            Integer<RoomTotals>(t["Business minutes"], 11, row => WholeMinutes(row.Utilisation.Available)),
            Integer<RoomTotals>(t["Occupied business minutes"], 12, row => WholeMinutes(row.Utilisation.Occupied)),
            new(t["Utilisation"], ColumnKind.Percent, 11, row => ExportCell.Of(row.Utilisation.Ratio)),
        ]);

        People = new(t["People"],
        [
            Text<PersonLine>(t["Participant"], 28, row => row.Person.Shown),
            Integer<PersonLine>(t["Meetings|count"], 10, row => row.Person.Meetings),
            Integer<PersonLine>(t["Joins"], 9, row => row.Person.Sessions),
            Integer<PersonLine>(t["Connected minutes"], 12, row => ConnectedMinutes(row.Person.Connected)),
            new(t["First seen ({0})", zoneId], ColumnKind.DateTime, 21, row => Time(row.Person.FirstSeen)),
            new(t["Last seen ({0})", zoneId], ColumnKind.DateTime, 21, row => Time(row.Person.LastSeen)),
            Flag<PersonLine>(t, t["Still connected"], row => row.Person.StillConnected),
            Integer<PersonLine>(t["Rooms used|count"], 10, row => row.Rooms.Count),
            Text<PersonLine>(t["Room names"], 40, row => string.Join(t["; "], row.Rooms)),
        ]);

        CallTypes = new(t["Calls by type"],
        [
            Text<CallTypeTotals>(t["Type"], 10, row => row.Type is { } type ? t.CallType(type) : t["Total"]),
            Integer<CallTypeTotals>(t["Phone calls"], 9, row => row.Totals.Calls),
            Integer<CallTypeTotals>(t["Phone minutes"], 10, row => row.Totals.Minutes),
            Money<CallTypeTotals>(t["Phone cost"], 13, row => row.Totals.Cost),
        ]);

        Daily = new(t["Daily"],
        [
            new(t["Day ({0})", zoneId], ColumnKind.Date, 14, row => ExportCell.Of(row.Day.ToDateTime(TimeOnly.MinValue))),
            .. FigureColumns<DayTotals>(t, row => row.Figures),
        ]);
    }

    /// <summary>The words of this export's file, in the language of whoever asked for it.</summary>
    public ExportTexts Texts { get; }

    /// <summary>A participant's name as this file shows it (a phone number masked unless it may be revealed).</summary>
    public Func<string, string> ShownName { get; }

    /// <summary>The first sheet's name in the file's language.</summary>
    public string SummaryName => Texts["Summary"];

    public MeetingTable<MeetingRow> Meetings { get; }

    public MeetingTable<ParticipantRow> Participants { get; }

    public MeetingTable<CallRow> Telephony { get; }

    /// <summary>The large tables in workbook order, each one row per meeting, join or call.</summary>
    public IReadOnlyList<IMeetingTable> Tables => [Meetings, Participants, Telephony];

    public SheetDefinition<RoomTotals> Rooms { get; }

    public SheetDefinition<PersonLine> People { get; }

    public SheetDefinition<DayTotals> Daily { get; }

    /// <summary>The telephony report's table of calls by type, with its total.</summary>
    public SheetDefinition<CallTypeTotals> CallTypes { get; }

    /// <summary>The table of <paramref name="table"/>, written a row or more per meeting (not <see cref="CsvTable.People"/>, summed first).</summary>
    public IMeetingTable Table(CsvTable table) => table switch
    {
        CsvTable.Meetings => Meetings,
        CsvTable.Participants => Participants,
        CsvTable.Telephony => Telephony,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown export table."),
    };

    /// <summary>The figures of a set of meetings, as the analytics pages count them (see <see cref="MeetingFigures"/>).</summary>
    private static IEnumerable<Column<TRow>> FigureColumns<TRow>(ExportTexts t, Func<TRow, MeetingFigures> figures) =>
    [
        Integer<TRow>(t["Meetings|count"], 10, row => figures(row).Meetings),
        Integer<TRow>(t["Running|count"], 9, row => figures(row).RunningMeetings),
        Integer<TRow>(t["Overflow meetings"], 11, row => figures(row).OverflowMeetings),
        Integer<TRow>(t["Scheduled minutes"], 11, row => figures(row).ScheduledMinutes),
        Integer<TRow>(t["Actual minutes"], 11, row => figures(row).ActualMinutes),
        Integer<TRow>(t["Joins"], 9, row => figures(row).ParticipantRows),
        Integer<TRow>(t["Participants|count"], 10, row => figures(row).Attendees),
        Integer<TRow>(t["Distinct names"], 12, row => figures(row).DistinctNames),
        Integer<TRow>(t["Phone calls"], 9, row => figures(row).Calls),
        Integer<TRow>(t["Phone minutes"], 10, row => figures(row).CallMinutes),
        Money<TRow>(t["Phone cost"], 13, row => figures(row).CallCost),
    ];

    /// <summary>Rounded to whole minutes, as the pages show them; the utilisation is computed from the exact times.</summary>
    internal static long WholeMinutes(TimeSpan time) => (long)Math.Round(time.TotalMinutes, MidpointRounding.AwayFromZero);

    /// <summary>A person's connected time in whole minutes, rounded down as <c>/participants</c> shows it ("283 h 56 min").</summary>
    private static long ConnectedMinutes(TimeSpan connected) => (long)Math.Max(0, Math.Floor(connected.TotalMinutes));

    /// <summary>Whole minutes from join to leave (never negative); blank while still connected.</summary>
    private static long? ConnectedMinutes(Participant participant) =>
        participant.LeaveTime is { } leave ? (long)Math.Max(0, (leave - participant.JoinTime).TotalMinutes) : null;

    private static Column<TRow> Text<TRow>(string header, double width, Func<TRow, string?> value) =>
        new(header, ColumnKind.Text, width, row => ExportCell.Of(value(row)));

    /// <summary>A topic: its lines (a topic may be written on several) each start a line of the cell, as on the pages.</summary>
    private static Column<TRow> Wrapped<TRow>(Column<TRow> column) => column with { Wraps = true };

    private static Column<TRow> Integer<TRow>(string header, double width, Func<TRow, long?> value) =>
        new(header, ColumnKind.Integer, width, row => ExportCell.Of(value(row)));

    private static Column<TRow> Money<TRow>(string header, double width, Func<TRow, decimal> value) =>
        new(header, ColumnKind.Money, width, row => ExportCell.Of(value(row)));

    /// <summary>
    /// A yes/no column written as the file's words (Yes/No, 是/否) in the workbook and in CSV alike: a boolean cell reads
    /// as 0/1 or TRUE/FALSE depending on the program that opens it, and is no word of the reader's language.
    /// </summary>
    private static Column<TRow> Flag<TRow>(ExportTexts t, string header, Func<TRow, bool> value)
    {
        var (yes, no) = (t["Yes"], t["No"]);
        return new(header, ColumnKind.Text, ColumnWidths.ForValues([yes, no], 6), row => ExportCell.Of(value(row) ? yes : no));
    }
}
