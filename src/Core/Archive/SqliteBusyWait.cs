using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Lets SQLite itself wait for another connection's write (its busy handler, <c>sqlite3_busy_timeout</c>) on every
/// connection the archive opens. Without it Microsoft.Data.Sqlite meets a busy file by sleeping 150 ms and trying
/// again until the command's timeout: a lease, a sign-in count or a window's "syncing" mark that arrived while a
/// window was being written waited 150 ms for a write of 20–100 ms. SQLite's handler tries again after 1, 2, 5,
/// 10 ms…, so it goes on within a few ms of the write's commit. The wait lasts at most the connection's default
/// timeout (Default Timeout, 30 s for the archive), as Microsoft.Data.Sqlite's own retries do. A pooled connection
/// keeps the setting; setting it again on each open is a call into SQLite, not a statement.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static readonly SqliteBusyWait Instance = new();

    private SqliteBusyWait()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Wait(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wait(connection);
        return Task.CompletedTask;
    }

    private static void Wait(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            raw.sqlite3_busy_timeout(handle, checked(sqlite.DefaultTimeout * 1000));
        }
    }
}
