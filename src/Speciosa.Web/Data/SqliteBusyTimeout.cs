using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Speciosa.Web.Data;

/// <summary>SQLite allows one writer at a time. Without a busy timeout, a connection that finds the database locked
/// gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries it after a fixed 150 ms sleep that blocks the thread
/// (perf review, win 2: p99 of 550–850 ms for writes at 16 connections). With <c>PRAGMA busy_timeout</c> on every
/// connection SQLite itself waits for the lock, backing off in steps of a few milliseconds, for up to the connection's
/// default timeout, so the longest wait is unchanged.</summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private SqliteBusyTimeout()
    {
    }

    public static int Milliseconds => DatabaseSetup.SqliteTimeoutSeconds * 1000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = Pragma(connection);
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = Pragma(connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Pragma(DbConnection connection)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
        return cmd;
    }
}
