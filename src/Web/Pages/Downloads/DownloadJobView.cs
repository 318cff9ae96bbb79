using System.Globalization;
using System.Text.Json;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Downloads;

/// <summary>
/// A background download as its page, its progress poll and its file address see it, on whichever instance they are
/// asked: read from the job itself on the instance that runs it, from the archive's database on any other.
/// </summary>
internal sealed record DownloadJobView(
    string Id,
    DatePeriod Period,
    string? HostId,
    string FileName,
    string ContentType,
    string FilePath,
    ExportJobStatus Status,
    IReadOnlyList<ExportedSheet> Sheets,
    UpstreamFailure? Failure,
    string? Problem)
{
    public static DownloadJobView Of(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new DownloadJobView(
            job.Id, job.Criteria.Period, job.Criteria.HostId, job.FileName, job.Criteria.ContentType, job.FilePath,
            job.Status(), job.Outcome?.Sheets ?? [], job.Failure, null);
    }

    public static DownloadJobView Of(DownloadJobRecord record, string folder)
    {
        ArgumentNullException.ThrowIfNull(record);
        var status = new ExportJobStatus(record.State, record.Stage, record.WindowsDone, record.WindowsTotal, record.PagesDone, record.PagesTotal, record.Rows, record.RowsTotal, record.Percent);
        var sheets = record.Sheets is null ? [] : JsonSerializer.Deserialize<List<SheetRow>>(record.Sheets)!.Select(sheet => new ExportedSheet(sheet.Name, sheet.Rows)).ToList();
        var failure = record.Failure is { Length: > 0 } text && text[0] == '{' ? StoredFailure.Read(text) : null;
        var problem = record.Failure is { Length: > 0 } sentence && sentence[0] != '{' ? sentence : null;
        return new DownloadJobView(
            record.Id, new DatePeriod(record.PeriodFrom, record.PeriodTo), record.HostId, record.FileName, record.ContentType,
            Path.Combine(folder, record.StoredFile), status, sheets, failure, problem);
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

/// <summary>An upstream failure as a job's row keeps it (JSON), so that another instance's page names it as the running one would.</summary>
internal static class StoredFailure
{
    public static string Write(UpstreamFailure failure) => JsonSerializer.Serialize(failure switch
    {
        UpstreamRejected rejected => new Row(rejected.Kind, Day(rejected.Window.From), Day(rejected.Window.To), rejected.Status, rejected.Message, null, null),
        UpstreamUnreachable unreachable => new Row(unreachable.Kind, Day(unreachable.Window.From), Day(unreachable.Window.To), null, null, unreachable.Reason, null)
        {
            Cause = unreachable.Why.Cause,
            Facts = [.. unreachable.Why.Facts],
        },
        UpstreamPeriodCutShort cut => new Row(cut.Kind, Day(cut.Window.From), Day(cut.Window.To), null, null, null, [Day(cut.Answered.From), Day(cut.Answered.To)]),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "An upstream failure of an unknown kind."),
    });

    public static UpstreamFailure? Read(string json)
    {
        var row = JsonSerializer.Deserialize<Row>(json);
        if (row is null)
        {
            return null;
        }

        var window = new DatePeriod(DateOnly.Parse(row.From, CultureInfo.InvariantCulture), DateOnly.Parse(row.To, CultureInfo.InvariantCulture));
        return row.Kind switch
        {
            UpstreamFailureKind.Rejected => new UpstreamRejected(window, row.Status ?? 0, row.Message ?? ""),
            // A row written before reasons had codes keeps its English sentence.
            UpstreamFailureKind.Unreachable => row.Cause is { } cause
                ? new UpstreamUnreachable(window, new UnreachableReason(cause, row.Facts ?? []))
                : new UpstreamUnreachable(window, row.Reason ?? ""),
            _ => new UpstreamPeriodCutShort(window, new DatePeriod(DateOnly.Parse(row.Answered![0], CultureInfo.InvariantCulture), DateOnly.Parse(row.Answered[1], CultureInfo.InvariantCulture))),
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Row(UpstreamFailureKind Kind, string From, string To, int? Status, string? Message, string? Reason, string[]? Answered)
    {
        /// <summary>The unreachable reason's code (by name: stored rows outlive the enum's order) and facts, so that another instance words it in its reader's language.</summary>
        [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<UnreachableCause>))]
        public UnreachableCause? Cause { get; init; }

        public string[]? Facts { get; init; }
    }
}

/// <summary>What the page of a download that is gone shows: the same download to make again (when known), and how long a file is kept.</summary>
internal sealed record DownloadGone(Filters.ExportCriteria? Again, int LifetimeMinutes);
