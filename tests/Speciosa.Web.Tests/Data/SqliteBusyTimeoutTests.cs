using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Data;
using Xunit;

namespace Speciosa.Web.Tests.Data;

/// <summary>Issue 17, perf review win 2: on SQLite a writer that finds the database locked waits inside SQLite
/// (busy_timeout) instead of Microsoft.Data.Sqlite's fixed 150 ms sleeps. No timing is asserted; the bench
/// (bench/Speciosa.Bench) measures the effect.</summary>
public sealed class SqliteBusyTimeoutTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Fact]
    public async Task Every_connection_the_app_opens_to_SQLite_waits_for_the_write_lock_inside_SQLite()
    {
        var server = await servers.On(Database.Sqlite);

        var timeouts = await server.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                return await db.Database.SqlQueryRaw<long>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").ToListAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal([DatabaseSetup.SqliteTimeoutSeconds * 1000L], timeouts);
    }
}
