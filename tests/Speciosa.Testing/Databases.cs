using Xunit;

namespace Speciosa.Testing;

/// <summary>The two databases the app runs on. Page and browser tests run once on each, so a page that
/// breaks on either fails (PostgreSQL is truly asynchronous and refuses overlapping queries on one
/// DbContext; SQLite completes "async" calls synchronously and hides both).</summary>
public enum Database
{
    Sqlite,
    Postgres,
}

/// <summary>Theory data for <c>[Theory, ClassData(typeof(BothDatabases))]</c>: one row per database, so the
/// test's name shows which one it ran on, e.g. <c>…(database: Postgres)</c>.</summary>
public sealed class BothDatabases : TheoryData<Database>
{
    public BothDatabases()
    {
        Add(Database.Sqlite);
        Add(Database.Postgres);
    }
}

/// <summary>A class fixture: one demo-clinic server per database for a test class, started on first use
/// and stopped after the class. Tests of a class run one at a time, so they share each server; a test
/// that needs a pristine clinic starts its own with <see cref="StartAsync"/>.</summary>
public sealed class DemoServers(PostgresCluster postgres) : IAsyncDisposable
{
    private readonly Dictionary<Database, Task<SpeciosaServer>> servers = [];
    private readonly Lock gate = new();

    /// <summary>The class's shared demo server on <paramref name="database"/>. On PostgreSQL without a
    /// cluster the test skips (or fails when SPECIOSA_REQUIRE_POSTGRES=1).</summary>
    public Task<SpeciosaServer> On(Database database)
    {
        if (database == Database.Postgres)
        {
            postgres.SkipIfUnavailable();
        }

        lock (gate)
        {
            if (!servers.TryGetValue(database, out var server))
            {
                server = StartAsync(database);
                servers[database] = server;
            }

            return server;
        }
    }

    /// <summary>A new demo server of the test's own on <paramref name="database"/>; the caller disposes it.</summary>
    public async Task<SpeciosaServer> StartAsync(Database database, IReadOnlyDictionary<string, string>? settings = null) =>
        database == Database.Postgres
            ? await SpeciosaServer.StartAsync(postgresConnection: await postgres.CreateDatabaseAsync(), settings: settings)
            : await SpeciosaServer.StartAsync(settings: settings);

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
