using System.Net;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Issue 18 item 8: while the database is down the app says so with 503 and Retry-After, not 500, and
/// recovers by itself when the database is back. A PostgreSQL server of the test's own is stopped and started.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_down_the_api_answers_503_with_retry_after_and_recovers_when_it_is_back()
    {
        await using var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        cluster.SkipIfUnavailable();
        if (!cluster.CanStopAndStart) Assert.Skip("An external PostgreSQL server (SPECIOSA_POSTGRES_CONNECTION) is not ours to stop.");
        await using var server = await SpeciosaServer.StartAsync(postgresConnection: await cluster.CreateDatabaseAsync());
        var client = await server.SignedInClientAsync("demo.clinician");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/patients")).StatusCode);

        await cluster.StopAsync();
        var during = await client.GetAsync("/api/patients");
        var body = await during.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(during.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the client when to try again");
        Assert.Contains("database", body.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/patients");
        page.Headers.Accept.ParseAdd("text/html");
        var pageDuring = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageDuring.StatusCode);
        Assert.Equal("text/html", pageDuring.Content.Headers.ContentType?.MediaType);
        Assert.Contains("temporarily unavailable", await pageDuring.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await cluster.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/patients")).StatusCode);
    }
}
