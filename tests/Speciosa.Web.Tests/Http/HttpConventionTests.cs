using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

public sealed class HttpConventionTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Health_probes_answer_without_sign_in(Database database)
    {
        var server = await servers.On(database);
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_unknown_api_route_is_a_404_problem_for_a_signed_in_user(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        await (await client.GetAsync("/api/no-such-thing")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_wrong_method_is_a_405_problem(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        await (await client.DeleteAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_api_route_asked_for_html_still_answers_problem_details(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here");
        request.Headers.Accept.ParseAdd("text/html");
        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Malformed_json_is_a_400_problem_without_internals(Database database)
    {
        var server = await servers.On(database);
        var client = server.CreateClient();
        var response = await client.PostAsync("/api/auth/sign-in", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Responses_carry_security_headers(Database database)
    {
        var server = await servers.On(database);
        var response = await server.CreateClient().GetAsync("/account/sign-in");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Cross_origin_requests_are_not_granted(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/auth/me");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await client.SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        get.Headers.Add("Origin", "https://evil.example");
        Assert.False((await client.SendAsync(get)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_openapi_document_describes_the_api_to_a_signed_in_caller(Database database)
    {
        var server = await servers.On(database);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
        var client = await server.SignedInClientAsync("demo.clinician");
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/sign-in", out _));
        Assert.True(paths.TryGetProperty("/api/account/tokens", out _));
        Assert.True(paths.TryGetProperty("/api/audit/verify", out _));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_form_post_without_an_antiforgery_token_is_refused(Database database)
    {
        var server = await servers.On(database);
        var client = server.CreateClient();
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.UserName"] = "demo.clinician",
            ["Input.Password"] = SpeciosaServer.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_page_shows_the_demo_marker_in_the_demo(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.admin");
        foreach (var path in new[] { "/", "/account/tokens", "/admin/users", "/admin/audit" })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("DEMO — made-up people", html, StringComparison.Ordinal);
        }

        Assert.Contains("DEMO — made-up people", await server.CreateClient().GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
    }
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_role_without_access_hears_403_before_the_content_type_is_judged_and_the_refusal_is_audited(Database database)
    {
        var server = await servers.On(database);
        var body = () => new StringContent("family=Doe", Encoding.UTF8, "text/plain");
        var before = await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "patient.create"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().PostAsync("/api/patients", body())).StatusCode);
        var quality = await server.SignedInClientAsync("demo.quality");
        await (await quality.PostAsync("/api/patients", body())).AssertProblemAsync(HttpStatusCode.Forbidden);

        var clinician = await server.SignedInClientAsync("demo.clinician");
        var refused = await (await clinician.PostAsync("/api/patients", body())).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var entries = await server.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "patient.create").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["denied", "denied", "rejected"], entries.Skip(before).Select(e => e.Outcome).ToArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_body_of_the_right_content_type_still_reaches_the_endpoint(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var response = await clinician.PostAsync("/api/patients", new StringContent("{}", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
