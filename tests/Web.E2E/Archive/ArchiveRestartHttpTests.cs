using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Archive;

/// <summary>
/// Issue 11: the app restarted on the same SQLite file with the meeting service failing every call keeps serving the
/// months it synced, and the failed refresh of the current month is marked failed while its previous copy is kept.
/// </summary>
public sealed class ArchiveRestartHttpTests
{
    [Fact]
    public async Task Restarted_on_the_same_file_with_the_service_failing_the_synced_months_stay_and_the_current_months_refresh_is_marked_failed()
    {
        // Arrange: a first run fills the archive.
        var file = Path.Combine(Path.GetTempPath(), $"umeeting-restart-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file}";
        var current = ArchivePage.Month(ArchiveScheduleServer.Months[0]);
        IReadOnlyList<ArchiveRow> synced;
        try
        {
            await using (var first = new RestartedArchiveServer(connectionString, ArchiveScheduleServer.SimulatorNow, upstreamFails: false))
            {
                await first.InitializeAsync();
                using var session = new HttpSession(first.RootUri);
                await session.SignInAsDemoAdminAsync();
                synced = ArchivePage.Rows(await ArchivePage.WaitUntilAsync(session, rows => rows.Count > 0 && rows.All(row => row.State == "synced")));
            }

            // Act: a second run on the same file, ten minutes later (the current month is due again), every call failing.
            await using var second = new RestartedArchiveServer(connectionString, ArchiveScheduleServer.SimulatorNow.AddMinutes(10), upstreamFails: true);
            await second.InitializeAsync();
            using var admin = new HttpSession(second.RootUri);
            await admin.SignInAsDemoAdminAsync();
            var html = await ArchivePage.WaitUntilAsync(admin, rows => rows.Any(row => row.Month == current && row.State == "failed"));
            var after = ArchivePage.Rows(html);

            // Assert
            Assert.All(synced, row => Assert.Equal("synced", row.State));
            Assert.Equal(ArchiveScheduleServer.Months.Count, synced.Count);
            Assert.Equal(
                synced.Where(row => row.Month != current).Select(row => (row.Month, "synced", row.Records, row.CompletedAt)),
                after.Where(row => row.Month != current).Select(row => (row.Month, row.State, row.Records, row.CompletedAt)));
            var before = synced.Single(row => row.Month == current);
            var failed = after.Single(row => row.Month == current);
            Assert.Equal(("failed", before.Records, before.CompletedAt), (failed.State, failed.Records, failed.CompletedAt));
            Assert.True(before.Records > 0);
            Assert.Contains("meeting service", failed.Error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
