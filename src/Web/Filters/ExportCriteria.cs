using System.Globalization;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// One download as understood: the period, the room, meeting record and participants it is narrowed to, and the
/// file — the workbook, or one table as CSV when <see cref="Table"/> is set. Compared by value, so that the same download asked
/// twice finds the job already running for it.
/// </summary>
internal sealed record ExportCriteria(DatePeriod Period, string? HostId, string? Uuid, CsvTable? Table, string? ParticipantName = null)
{
    public const string Path = "/export";

    public ExportFormat Format => Table is null ? ExportFormat.Xlsx : ExportFormat.Csv;

    public string ContentType => Table is null ? ExportFileName.XlsxContentType : ExportFileName.CsvContentType;

    /// <summary>A workbook of a report page's filters; the whole period, whatever page of it is on screen.</summary>
    public static ExportCriteria Workbook(DateOnly from, DateOnly to, string? hostId, string? uuid = null, string? participantName = null) =>
        new(new DatePeriod(from, to), hostId, uuid, null, participantName);

    public ExportCriteria AsCsv(CsvTable table) => this with { Table = table };

    /// <summary>The name the file is saved under; it names the room when one was chosen, and the participants searched for.</summary>
    public string FileName(RoomList rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var room = string.IsNullOrEmpty(HostId) ? null : rooms.NameOf(HostId);
        return Table is { } table ? ExportFileName.Csv(table, Period, room, ParticipantName) : ExportFileName.Workbook(Period, room, ParticipantName);
    }

    /// <param name="requestedBy">The signed-in user's name, stated in the Summary sheet.</param>
    /// <param name="revealPhoneNumbers">True for an Admin; anyone else's file holds masked numbers only.</param>
    /// <param name="now">The upstream zone's "now".</param>
    /// <param name="language">The asker's language (the request's UI culture), carried into the job that writes the file.</param>
    public ExportRequest ToRequest(string requestedBy, bool revealPhoneNumbers, DateTimeOffset now, CultureInfo language) =>
        new(Period, HostId, requestedBy, revealPhoneNumbers, now) { Uuid = Uuid, ParticipantName = ParticipantName, Culture = language };

    /// <summary>
    /// The upstream query the export reads (the one <see cref="ExportRequest"/> makes inside Core): the planner's probe
    /// asks exactly this, so that the reader's cache hands the probed pages on to the export.
    /// </summary>
    public MeetingQuery ToQuery() => new(Period, HostId, Uuid, ShowParticipants: true, ShowTelephonyUsage: true);

    /// <summary>The address of this download (dates always written out, so a bookmark does not move), e.g. <c>/export?from=2025-05-01&amp;to=2025-05-31&amp;format=xlsx</c>.</summary>
    public string Link(string exportPath) => FilterLinks.To(exportPath, ExportFilter.For(this));
}

/// <summary>What a report page's download buttons link to: its filters' workbook, and on request one CSV per table.</summary>
internal sealed record DownloadLinks(ExportCriteria Criteria, bool WithCsv)
{
    public static DownloadLinks For(DateOnly from, DateOnly to, string? hostId, string? uuid = null, bool withCsv = false, string? participantName = null) =>
        new(ExportCriteria.Workbook(from, to, hostId, uuid, participantName), withCsv);
}
