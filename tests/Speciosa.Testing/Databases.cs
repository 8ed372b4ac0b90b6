using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>A new server of the test's own on <paramref name="database"/> (a demo clinic unless <paramref name="demo"/>
    /// is false), with the given settings, clock and service overrides; the caller disposes it.</summary>
    public async Task<SpeciosaServer> StartAsync(Database database, IReadOnlyDictionary<string, string>? settings = null,
        TimeProvider? clock = null, Action<IServiceCollection>? services = null, bool demo = true) =>
        await SpeciosaServer.StartAsync(demo, database == Database.Postgres ? await postgres.CreateDatabaseAsync() : null,
            settings, clock: clock, services: services);

    /// <summary>A new, empty database of the test's own on <paramref name="database"/>, which every server the test
    /// starts on it opens in turn: for what start-up does again after a restart.</summary>
    public async Task<OwnDatabase> NewDatabaseAsync(Database database) =>
        database == Database.Postgres
            ? new OwnDatabase(await postgres.CreateDatabaseAsync(), null)
            : new OwnDatabase(null, Path.Combine(Directory.CreateTempSubdirectory("speciosa-restart-").FullName, "speciosa.db"));

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

/// <summary>One database, on PostgreSQL or in a SQLite file, that several servers open one after another.</summary>
public sealed record OwnDatabase(string? PostgresConnection, string? SqlitePath)
{
    /// <summary>Starts a server on this database; the caller disposes it before starting the next.</summary>
    public Task<SpeciosaServer> StartServerAsync(bool demo = true, IReadOnlyDictionary<string, string>? settings = null) =>
        SpeciosaServer.StartAsync(demo, PostgresConnection, settings, sqlitePath: SqlitePath);
}
