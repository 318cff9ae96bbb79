using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Archive;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>
/// The archive every <see cref="CoreHarness"/> reports from, as in the app: a SQLite file of its own, copied from one
/// migrated once per test run (migrating each would cost every test a second). Unpooled, so the file goes on dispose.
/// </summary>
internal sealed class HarnessArchive : IDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "umeeting-core-harness", $"{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static readonly Lazy<string> Template = new(CreateTemplate);

    private HarnessArchive(string file) => File = file;

    public string File { get; }

    public static string ContentRoot => Folder;

    public IReadOnlyDictionary<string, string?> Settings => SettingsFor(File);

    /// <summary>True for a setting of the archive's: a test that sets one chooses its archive itself.</summary>
    public static bool NamesTheArchive(string key) =>
        key.StartsWith("Archive:", StringComparison.OrdinalIgnoreCase) || key.Equals("ConnectionStrings:Archive", StringComparison.OrdinalIgnoreCase);

    /// <summary>A fresh, empty, migrated archive file.</summary>
    public static HarnessArchive Create()
    {
        var file = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        System.IO.File.Copy(Template.Value, file);
        return new HarnessArchive(file);
    }

    public void Dispose()
    {
        System.IO.File.Delete(File);
    }

    private static Dictionary<string, string?> SettingsFor(string file) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Archive:Provider"] = ArchiveOptions.SqliteProvider,
        ["ConnectionStrings:Archive"] = $"Data Source={file};Pooling=False",
    };

    private static string CreateTemplate()
    {
        Directory.CreateDirectory(Folder);

        // Files of hosts a test left to the end of the run go with the folder.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        var file = Path.Combine(Folder, "template.db");
        Task.Run(async () =>
        {
            await using var core = CoreHarness.Create(new Uri("http://template.invalid"), SettingsFor(file));
            await core.Services.MigrateArchiveAsync(CancellationToken.None);
        }).GetAwaiter().GetResult();
        return file;
    }
}
