using System.Globalization;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Privacy;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// One download as understood: the period, the room, meeting record and participants it is narrowed to (or the
/// meetings report's search and person), and the
/// file — the workbook, or one table as CSV when <see cref="Table"/> is set. Compared by value, so that the same download asked
/// twice finds the job already running for it.
/// </summary>
internal sealed record ExportCriteria(DatePeriod Period, string? HostId, string? Uuid, CsvTable? Table, string? ParticipantName = null)
{
    public const string Path = "/export";

    /// <summary>The meetings report's search (<c>q</c>, trimmed); null for every meeting.</summary>
    public string? Search { get; init; }

    /// <summary>The meetings report's person (<c>participant</c>, an exact display name); null for every meeting.</summary>
    public string? Participant { get; init; }

    /// <summary>
    /// The meetings report's order (<c>sort</c>, <c>dir</c>), which the file's meetings follow; null for the archive's
    /// order, oldest first, as the other reports' downloads have it.
    /// </summary>
    public MeetingOrder? Order { get; init; }

    public ExportFormat Format => Table is null ? ExportFormat.Xlsx : ExportFormat.Csv;

    public string ContentType => Table is null ? ExportFileName.XlsxContentType : ExportFileName.CsvContentType;

    /// <summary>A workbook of a report page's filters; the whole period, whatever page of it is on screen.</summary>
    public static ExportCriteria Workbook(DateOnly from, DateOnly to, string? hostId, string? uuid = null, string? participantName = null) =>
        new(new DatePeriod(from, to), hostId, uuid, null, participantName);

    /// <summary>The meetings report's workbook: its period, room and record, narrowed as its list is by search and person, in its list's order.</summary>
    public static ExportCriteria Meetings(DateOnly from, DateOnly to, string? hostId, string? uuid, string? search, string? participant, MeetingOrder order) =>
        Workbook(from, to, hostId, uuid).NarrowedTo(search, participant) with { Order = order };

    /// <summary>This download narrowed by the meetings report's search (trimmed) and person, as its list is; blank ones are left out.</summary>
    public ExportCriteria NarrowedTo(string? search, string? participant) => this with
    {
        Search = MeetingsFilter.AsSearch(search),
        Participant = string.IsNullOrEmpty(participant) ? null : participant,
    };

    public ExportCriteria AsCsv(CsvTable table) => this with { Table = table };

    /// <summary>
    /// The name the file is saved under; it names the report page it was asked from (a workbook's; a CSV is named for
    /// its table), the room when one was chosen, and the participants searched for.
    /// </summary>
    public string FileName(RoomList rooms, DownloadReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var room = string.IsNullOrEmpty(HostId) ? null : rooms.NameOf(HostId);
        // The person's name in a file name never shows a phone number whole, whoever asks.
        var person = ParticipantName ?? (Participant is null ? null : PhoneNumberMask.MaskIfPhoneNumber(Participant));
        return Table is { } table
            ? ExportFileName.Csv(table, Period, room, person, Search, Uuid)
            : ExportFileName.Workbook(Period, room, person, Search, Uuid, (report ?? DownloadReport.Meetings).ToString().ToLowerInvariant());
    }

    /// <param name="requestedBy">The signed-in user's name, stated in the Summary sheet.</param>
    /// <param name="revealPhoneNumbers">True for an Admin; anyone else's file holds masked numbers only.</param>
    /// <param name="now">The upstream zone's "now".</param>
    /// <param name="language">The asker's language (the request's UI culture), carried into the job that writes the file.</param>
    public ExportRequest ToRequest(string requestedBy, bool revealPhoneNumbers, DateTimeOffset now, CultureInfo language) =>
        new(Period, HostId, requestedBy, revealPhoneNumbers, now)
        {
            Uuid = Uuid,
            ParticipantName = ParticipantName,
            Search = Search,
            Participant = Participant,
            Order = Order,
            Culture = language,
        };

    /// <summary>
    /// The upstream query the export reads (the one <see cref="ExportRequest"/> makes inside Core): the planner's probe
    /// asks exactly this, so that the reader's cache hands the probed pages on to the export.
    /// </summary>
    public MeetingQuery ToQuery() => new(Period, HostId, Uuid, ShowParticipants: true, ShowTelephonyUsage: true);

    /// <summary>The address of this download (dates always written out, so a bookmark does not move), e.g. <c>/export?from=2025-05-01&amp;to=2025-05-31&amp;format=xlsx</c>.</summary>
    /// <param name="report">The report page the address leads back to (its download buttons say which); null: the meetings.</param>
    public string Link(string exportPath, DownloadReport? report = null) => FilterLinks.To(exportPath, ExportFilter.For(this, report));
}

/// <summary>
/// What a report page's download buttons link to: its filters' workbook, and on request one CSV per table; each names
/// the page (<see cref="Report"/>), so that a background download's page leads back to it.
/// </summary>
internal sealed record DownloadLinks(ExportCriteria Criteria, bool WithCsv, DownloadReport Report)
{
    /// <summary>The CSV tables offered with <see cref="WithCsv"/>: every one unless a report names its own.</summary>
    public IReadOnlyList<CsvTable> CsvTables { get; init; } = Enum.GetValues<CsvTable>();

    public static DownloadLinks For(DownloadReport report, DateOnly from, DateOnly to, string? hostId, string? uuid = null, bool withCsv = false, string? participantName = null) =>
        new(ExportCriteria.Workbook(from, to, hostId, uuid, participantName), withCsv, report);

    /// <summary>The meetings report's buttons: the file holds the meetings its list holds (search and person included), in its order.</summary>
    public static DownloadLinks ForMeetings(DateOnly from, DateOnly to, string? hostId, string? uuid, string? search, string? participant, MeetingOrder order) =>
        new(ExportCriteria.Meetings(from, to, hostId, uuid, search, participant, order), WithCsv: true, DownloadReport.Meetings);
}
