using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>A browser never sees raw JSON: a missing page or a failure is an HTML page with the layout and a trace
/// id, with the status kept; API clients keep problem details.</summary>
public sealed class BrowserErrorPageTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static HttpRequestMessage BrowserGet(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_browser_asking_for_a_missing_page_gets_an_html_page_with_the_layout_and_a_trace_id(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var client = await server.SignedInClientAsync("demo.clinician");

        var response = await client.SendAsync(BrowserGet("/no-such-page"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("class=\"topbar\"", html, StringComparison.Ordinal);
        Assert.Matches("class=\"trace-id\">[0-9a-f]{32}<", html);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_page_that_fails_shows_an_html_500_with_a_trace_id_and_no_internals(Database database)
    {
        var fault = new FailProductReads();
        await using var server = await servers.StartAsync(database, services: s => s.ConfigureDbContext<SpeciosaDbContext>(o => o.AddInterceptors(fault)));
        var client = await server.SignedInClientAsync("demo.quality");

        fault.Armed = true;
        var response = await client.SendAsync(BrowserGet("/products"));
        fault.Armed = false;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.Matches("class=\"trace-id\">[0-9a-f]{32}<", html);
        Assert.DoesNotContain("Simulated", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_api_client_still_gets_problem_details_for_the_same_failure(Database database)
    {
        var fault = new FailProductReads();
        await using var server = await servers.StartAsync(database, services: s => s.ConfigureDbContext<SpeciosaDbContext>(o => o.AddInterceptors(fault)));
        var client = await server.SignedInClientAsync("demo.quality");

        fault.Armed = true;
        var response = await client.GetAsync("/api/products");
        fault.Armed = false;

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
    }

    private sealed class FailProductReads : DbCommandInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Armed && command.CommandText.Contains("FROM \"Products\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("Simulated database failure.")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
