using Speciosa.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace Speciosa.Web.Tests;

/// <summary>One demo-clinic server on SQLite shared by a test class.</summary>
public sealed class DemoServer : IAsyncLifetime
{
    public SpeciosaServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await SpeciosaServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The database a test runs against; API tests that guard data run on both.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>One demo-clinic server per database, started on first use and shared by a test class, for
/// theories that run once on SQLite and once on PostgreSQL (<c>[InlineData(Db.Sqlite)]</c>,
/// <c>[InlineData(Db.Postgres)]</c>).</summary>
public sealed class DemoServers(PostgresCluster postgres) : IAsyncLifetime
{
    private readonly Dictionary<Db, Task<SpeciosaServer>> servers = [];
    private readonly Lock gate = new();

    public Task<SpeciosaServer> On(Db db)
    {
        if (db is Db.Postgres)
        {
            postgres.SkipIfUnavailable();
        }

        lock (gate)
        {
            if (!servers.TryGetValue(db, out var server))
            {
                server = db is Db.Postgres
                    ? StartPostgresAsync()
                    : SpeciosaServer.StartAsync();
                servers[db] = server;
            }

            return server;
        }
    }

    private async Task<SpeciosaServer> StartPostgresAsync() =>
        await SpeciosaServer.StartAsync(postgresConnection: await postgres.CreateDatabaseAsync());

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers.Values)
        {
            if (server.IsCompletedSuccessfully)
            {
                await server.Result.DisposeAsync();
            }
        }
    }
}
