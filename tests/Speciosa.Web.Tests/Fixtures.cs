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
