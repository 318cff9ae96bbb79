namespace UMeetingReports.Core.Export;

/// <summary>
/// Where an export keeps its temporary files and how many rows a sheet may hold. Not configuration: tests set a small
/// row limit to prove the rollover to "Participants (2)", and a directory of their own to prove nothing is left behind.
/// </summary>
internal sealed record ExportSettings(int RowsPerSheet, string TempDirectory)
{
    /// <summary>Excel's limit, header row included.</summary>
    public const int ExcelRowsPerSheet = 1_048_576;

    public static ExportSettings Default { get; } = new(ExcelRowsPerSheet, Path.GetTempPath());

    /// <summary>Data rows a sheet holds below its header.</summary>
    public int DataRowsPerSheet => RowsPerSheet - 1;

    /// <summary>A new file, deleted when it is closed, however the export ends (success, failure or cancellation).</summary>
    public FileStream CreateTempFile() =>
        new(
            Path.Combine(TempDirectory, "umeeting-export-" + Path.GetRandomFileName()),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            bufferSize: 1 << 16,
            FileOptions.DeleteOnClose);
}
