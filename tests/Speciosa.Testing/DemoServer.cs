using Xunit;

namespace Speciosa.Testing;

/// <summary>One demo-clinic server on SQLite shared by a test class, for tests that do not depend on the
/// database (e.g. walking the endpoint metadata). Tests that do use <see cref="DemoServers"/>.</summary>
public sealed class DemoServer : IAsyncLifetime
{
    public SpeciosaServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await SpeciosaServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
