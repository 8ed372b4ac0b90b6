using Microsoft.Data.Sqlite;
using Npgsql;

namespace Speciosa.Web.Data;

/// <summary>Makes instances that start at once on one database migrate and seed it one after another (issue 18 item 9):
/// the first applies the migrations and seeds the jurisdiction registry and the demo clinic; the others wait, then find
/// both done. PostgreSQL: a session advisory lock on a connection of its own (unpooled, so the lock ends with it if the
/// process dies). SQLite: an exclusive lock on a file beside the database (instances sharing a SQLite file share a
/// machine).</summary>
public static class StartUpLock
{
    /// <summary>Names the start-up advisory lock on PostgreSQL (distinct from the audit's, the sweep's and
    /// <see cref="SerialisedWrites"/>' keys).</summary>
    public const long AdvisoryLockKey = 0x5350_4543_5354_0001;

    /// <summary>How long an instance waits for another's start-up before it gives up.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    public static async Task<IAsyncDisposable> HoldAsync(DatabaseOptions options, CancellationToken ct)
    {
        if (options.IsPostgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false, CommandTimeout = (int)MaxWait.TotalSeconds };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
            {
                await command.ExecuteNonQueryAsync(ct);
            }

            return new PostgresHold(connection);
        }

        var database = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(options)).DataSource;
        var path = Path.GetFullPath(database) + ".startup.lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + MaxWait;
        while (true)
        {
            try
            {
                return new FileHold(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }

    private sealed class PostgresHold(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class FileHold(FileStream file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
