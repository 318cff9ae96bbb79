using System.Runtime.Versioning;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// Hostile review: a download's temporary files were created -rw-r--r-- in the shared temporary folder, holding whole
/// phone numbers while the job ran, and another local user copied them.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class TemporaryFileModeTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));

    [Fact]
    public async Task Every_temporary_file_of_a_workbook_being_written_is_readable_and_writable_by_its_owner_only()
    {
        // Arrange
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not exist on Windows.");
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().WithCall("+8613712349201", 5, 20, 15, 1.50m).With("Alice", 0, 60).Build();
        var modes = new ModesWhileWriting(folder);
        using var output = new MemoryStream();

        // Act
        var outcome = await ExportHarness.InMemory(folder, [meeting]).WriteXlsxAsync(ExportHarness.Request(March, reveal: true), output, modes, TestContext.Current.CancellationToken);

        // Assert: the three spools (meetings, participants, telephony) and the package.
        Assert.True(outcome.Succeeded, outcome.Failure?.Describe());
        Assert.Equal(4, modes.Seen.Count);
        Assert.All(modes.Seen, seen => Assert.Equal(OwnerReadWrite, seen.Mode));
    }

    [Fact]
    public async Task The_temporary_file_of_a_csv_being_written_is_readable_and_writable_by_its_owner_only()
    {
        // Arrange
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not exist on Windows.");
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().WithCall("+8613712349201", 5, 20, 15, 1.50m).Build();
        var modes = new ModesWhileWriting(folder);
        using var output = new MemoryStream();

        // Act
        var outcome = await ExportHarness.InMemory(folder, [meeting]).WriteCsvAsync(ExportHarness.Request(March, reveal: true), CsvTable.Telephony, output, modes, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(outcome.Succeeded, outcome.Failure?.Describe());
        var seen = Assert.Single(modes.Seen);
        Assert.Equal(OwnerReadWrite, seen.Mode);
    }

    /// <summary>At every progress report before the end, the mode of each file in the export's folder.</summary>
    private sealed class ModesWhileWriting(ExportFolder folder) : IProgress<ExportProgress>
    {
        public HashSet<(string File, UnixFileMode Mode)> Seen { get; } = [];

        public void Report(ExportProgress value)
        {
            foreach (var file in folder.Files)
            {
                Seen.Add((Path.GetFileName(file), File.GetUnixFileMode(file)));
            }
        }
    }
}
