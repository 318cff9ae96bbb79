using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Core.Export;

public enum ExportStage
{
    /// <summary>Reading the period from the upstream; rows are set aside as they arrive.</summary>
    Gathering,

    /// <summary>Every window was read; the rows are being written into the file.</summary>
    Writing,

    /// <summary>The file is complete and has been copied to the output.</summary>
    Done,
}

/// <summary>
/// How far an export has got, for a progress bar: the upstream windows and pages fetched of those known, then the
/// rows written. While <see cref="ExportStage.Gathering"/>, <see cref="Rows"/> counts rows read so far and
/// <see cref="RowsTotal"/> is unknown (null); from <see cref="ExportStage.Writing"/> on, <see cref="Rows"/> counts
/// rows written into the file of <see cref="RowsTotal"/>.
/// </summary>
public readonly record struct ExportProgress(ExportStage Stage, GatherProgress Fetched, long Rows, long? RowsTotal);
