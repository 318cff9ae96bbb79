using System.Runtime.CompilerServices;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>
/// The archive every app these tests start uses unless it says otherwise: a SQLite file of this test process in a
/// temporary folder (never the repository's data/ folder), with the background schedule off, so that a test that
/// counts the meeting service's requests counts only its own. <see cref="MeetingReportsServer"/> gives each server a
/// file of its own.
/// </summary>
internal static class TestArchive
{
    private static readonly string Root = Directory.CreateTempSubdirectory("umeeting-e2e-archive-").FullName;

    [ModuleInitializer]
    internal static void UseTemporaryArchives()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Archive", ConnectionString("shared"));
        Environment.SetEnvironmentVariable("Archive__Schedule", "false");

        // Background downloads are written here (one folder for every server of this process, as instances share one).
        Environment.SetEnvironmentVariable("Exports__Folder", Path.Combine(Root, "exports"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Root);
    }

    /// <summary>A new SQLite file under this process's folder.</summary>
    public static string ConnectionString(string name) => $"Data Source={Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N") + ".db")}";

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Another process may still hold a file: the system's temporary folder is cleaned in time anyway.
        }
    }
}
