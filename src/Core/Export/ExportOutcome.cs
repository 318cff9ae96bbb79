using System.Diagnostics.CodeAnalysis;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

/// <summary>
/// A complete file written to the output (its size and the rows of each sheet), or the upstream failure that kept
/// it from being complete — in which case nothing was written to the output.
/// </summary>
public sealed class ExportOutcome
{
    private ExportOutcome(UpstreamFailure? failure, long bytes, IReadOnlyList<ExportedSheet> sheets)
    {
        Failure = failure;
        Bytes = bytes;
        Sheets = sheets;
    }

    public UpstreamFailure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>Bytes written to the output; 0 on failure.</summary>
    public long Bytes { get; }

    /// <summary>Every sheet in workbook order with its data rows (header excluded); for CSV, the one table.</summary>
    public IReadOnlyList<ExportedSheet> Sheets { get; }

    public static ExportOutcome Completed(long bytes, IReadOnlyList<ExportedSheet> sheets) => new(null, bytes, sheets);

    public static ExportOutcome Failed(UpstreamFailure failure) => new(failure, 0, []);
}

/// <summary>One sheet of the file and how many data rows it holds.</summary>
public sealed record ExportedSheet(string Name, long Rows);
