namespace UMeetingReports.Core.Export;

/// <summary>
/// Where an export keeps its temporary files and how many rows a sheet may hold. Not configuration: tests set a small
/// row limit to prove the rollover to "Joins (2)", and a directory of their own to prove nothing is left behind.
/// </summary>
internal sealed record ExportSettings(int RowsPerSheet, string TempDirectory)
{
    /// <summary>Excel's limit, header row included.</summary>
    public const int ExcelRowsPerSheet = 1_048_576;

    public static ExportSettings Default { get; } = new(ExcelRowsPerSheet, Path.GetTempPath());

    /// <summary>Data rows a sheet holds below its header.</summary>
    public int DataRowsPerSheet => RowsPerSheet - 1;

    /// <summary>
    /// A new file, deleted when it is closed, however the export ends (success, failure or cancellation). It holds
    /// names and, for an Admin, whole phone numbers, and the temporary folder is shared: only this process's user
    /// may read it (0600), from the moment it exists.
    /// </summary>
    public FileStream CreateTempFile() =>
        new(
            Path.Combine(TempDirectory, "umeeting-export-" + Path.GetRandomFileName()),
            OwnerOnly(FileMode.CreateNew, FileAccess.ReadWrite, FileOptions.DeleteOnClose));

    /// <summary>Options for a file only its owner may read and write (on Windows, the folder's access rules apply).</summary>
    public static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileOptions options)
    {
        var fileOptions = new FileStreamOptions
        {
            Mode = mode,
            Access = access,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = options,
        };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return fileOptions;
    }
}
