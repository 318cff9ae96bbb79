using System.Globalization;
using System.Text.Json;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// A background download as its page, its progress poll and its file address see it, on whichever instance they are
/// asked: read from the job itself on the instance that runs it, from the archive's database on any other.
/// </summary>
/// <param name="Table">The one table a CSV file holds; null for the workbook.</param>
/// <param name="Order">The meetings report's order the file's meetings follow; null for the archive's (oldest first).</param>
/// <param name="KeptUntil">
/// When the ended job and its file are deleted (Exports:JobLifetime after it ended): until then its file can be
/// downloaded any number of times. Null while it waits or runs.
/// </param>
internal sealed record DownloadJobView(
    string Id,
    DatePeriod Period,
    string? HostId,
    DownloadNarrowing Narrowing,
    CsvTable? Table,
    MeetingOrder? Order,
    string FileName,
    string ContentType,
    string FilePath,
    ExportJobStatus Status,
    IReadOnlyList<ExportedSheet> Sheets,
    UpstreamFailure? Failure,
    string? Problem,
    DateTimeOffset? KeptUntil)
{
    public static DownloadJobView Of(ExportJob job, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new DownloadJobView(
            job.Id, job.Criteria.Period, job.Criteria.HostId, DownloadNarrowing.Of(job.Criteria), job.Criteria.Table, job.Criteria.Order, job.FileName, job.Criteria.ContentType, job.FilePath,
            job.Status(), job.Outcome?.Sheets ?? [], job.Failure, null, job.EndedAt + lifetime);
    }

    public static DownloadJobView Of(DownloadJobRecord record, string folder, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(record);
        var status = new ExportJobStatus(record.State, record.Stage, record.WindowsDone, record.WindowsTotal, record.PagesDone, record.PagesTotal, record.Rows, record.RowsTotal, record.Percent);
        var sheets = record.Sheets is null ? [] : JsonSerializer.Deserialize<List<SheetRow>>(record.Sheets)!.Select(sheet => new ExportedSheet(sheet.Name, sheet.Rows)).ToList();
        var failure = StoredFailure.ReadIfStored(record.Failure);
        var problem = record.Failure is { Length: > 0 } sentence && !StoredFailure.IsStored(sentence) ? sentence : null;
        // A row written before the table was kept says nothing of it: its file is then described as the workbook is.
        CsvTable? table = Enum.TryParse<CsvTable>(record.CsvTable, ignoreCase: true, out var parsed) ? parsed : null;
        DateTimeOffset? keptUntil = record.EndedAtUtc is { } ended ? new DateTimeOffset(DateTime.SpecifyKind(ended, DateTimeKind.Utc)) + lifetime : null;
        return new DownloadJobView(
            record.Id, new DatePeriod(record.PeriodFrom, record.PeriodTo), record.HostId,
            new DownloadNarrowing(record.Uuid, record.Search, record.Participant, record.ParticipantName), table, StoredOrder.Read(record.MeetingOrder), record.FileName, record.ContentType,
            Path.Combine(folder, record.StoredFile), status, sheets, failure, problem, keptUntil);
    }

    /// <summary>The job's row as the running instance writes it: what it is, and how far it has got.</summary>
    public static DownloadJobRecord Record(ExportJob job, string instance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var status = job.Status();
        var outcome = job.Outcome;
        return new DownloadJobRecord
        {
            Id = job.Id,
            Owner = job.Owner,
            WorkKey = WorkKey(job.Criteria),
            FileName = job.FileName,
            ContentType = job.Criteria.ContentType,
            StoredFile = Path.GetFileName(job.FilePath),
            PeriodFrom = job.Criteria.Period.From,
            PeriodTo = job.Criteria.Period.To,
            HostId = job.Criteria.HostId,
            Uuid = job.Criteria.Uuid,
            Search = job.Criteria.Search,
            Participant = job.Criteria.Participant,
            ParticipantName = job.Criteria.ParticipantName,
            CsvTable = job.Criteria.Table?.ToString().ToLowerInvariant(),
            MeetingOrder = StoredOrder.Write(job.Criteria.Order),
            State = status.State,
            Stage = status.Stage,
            WindowsDone = status.WindowsDone,
            WindowsTotal = status.WindowsTotal,
            PagesDone = status.PagesDone,
            PagesTotal = status.PagesTotal,
            Rows = status.Rows,
            RowsTotal = status.RowsTotal,
            Percent = status.Percent,
            Sheets = outcome is { Succeeded: true } ? JsonSerializer.Serialize(outcome.Sheets.Select(sheet => new SheetRow(sheet.Name, sheet.Rows)).ToList()) : null,
            Failure = outcome?.Failure is { } failure ? StoredFailure.Write(failure) : null,
            Instance = instance,
            CreatedAtUtc = DateTime.SpecifyKind(now.UtcDateTime, DateTimeKind.Unspecified),
            HeartbeatAtUtc = DateTime.SpecifyKind(now.UtcDateTime, DateTimeKind.Unspecified),
        };
    }

    /// <summary>The same download asked twice (same filters) is the same work.</summary>
    public static string WorkKey(Filters.ExportCriteria criteria) => criteria.ToString();

    private sealed record SheetRow(string Name, long Rows);
}

/// <summary>
/// A download's order as its job's row keeps it: the meetings report's <c>sort</c> and <c>dir</c> as its address writes
/// them, <c>phone_cost desc</c>; nothing for the archive's order (and in a row written before the order was kept).
/// </summary>
internal static class StoredOrder
{
    public static string? Write(MeetingOrder? order) =>
        order is null ? null : Filters.MeetingsFilter.KeyOf(order.Sort) + (order.Descending ? " desc" : " asc");

    public static MeetingOrder? Read(string? stored)
    {
        if (stored?.Split(' ') is not [var key, var direction and ("asc" or "desc")])
        {
            return null;
        }

        return Enum.GetValues<MeetingSort>().Where(sort => Filters.MeetingsFilter.KeyOf(sort) == key).Select(sort => new MeetingOrder(sort, direction == "desc")).FirstOrDefault();
    }
}

/// <summary>
/// What narrows a download below every meeting of its period and room, as its page states it: one meeting record, the
/// meetings report's search and person, or the participants report's name search.
/// </summary>
internal sealed record DownloadNarrowing(string? Uuid, string? Search, string? Participant, string? ParticipantName)
{
    public static DownloadNarrowing Of(Filters.ExportCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return new(criteria.Uuid, criteria.Search, criteria.Participant, string.IsNullOrWhiteSpace(criteria.ParticipantName) ? null : criteria.ParticipantName.Trim());
    }
}

/// <summary>
/// What a download's file holds, as its page and its "gone" page say it (an English format, the localization key;
/// <c>{0}</c> the period, <c>{1}</c> the room or "every room"): the workbook and the meetings CSV hold the meetings,
/// the other CSV files their one table.
/// </summary>
internal static class DownloadContents
{
    public static string Of(CsvTable? table) => table switch
    {
        CsvTable.Participants => "the joins to the meetings of {0} in {1}, one row each",
        CsvTable.Telephony => "the phone calls of the meetings of {0} in {1}, one row per call",
        CsvTable.People => "the people who joined the meetings of {0} in {1}, one row per name",
        _ => "the meetings of {0} in {1}",
    };
}

/// <summary>
/// What the page of a download that is gone shows: the same download to make again (when known), how long a file is
/// kept, and the report it was made from (which its buttons lead back to).
/// </summary>
/// <param name="NeverAnId">The address names no download that could have existed (not a job's id): nothing expired.</param>
internal sealed record DownloadGone(Filters.ExportCriteria? Again, int LifetimeMinutes, Filters.DownloadReport? Report, bool NeverAnId = false);
