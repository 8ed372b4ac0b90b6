using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

public sealed class HttpConventionTests(DemoServer demo) : IClassFixture<DemoServer>
{
    private SpeciosaServer Server => demo.Server;

    [Fact]
    public async Task Health_probes_answer_without_sign_in()
    {
        var client = Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_for_a_signed_in_user()
    {
        var client = await Server.SignedInClientAsync("demo.clinician");
        await (await client.GetAsync("/api/no-such-thing")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var client = await Server.SignedInClientAsync("demo.clinician");
        await (await client.DeleteAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task An_api_route_asked_for_html_still_answers_problem_details()
    {
        var client = await Server.SignedInClientAsync("demo.clinician");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here");
        request.Headers.Accept.ParseAdd("text/html");
        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_without_internals()
    {
        var client = Server.CreateClient();
        var response = await client.PostAsync("/api/auth/sign-in", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await Server.CreateClient().GetAsync("/account/sign-in");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Cross_origin_requests_are_not_granted()
    {
        var client = await Server.SignedInClientAsync("demo.clinician");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/auth/me");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await client.SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        get.Headers.Add("Origin", "https://evil.example");
        Assert.False((await client.SendAsync(get)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_to_a_signed_in_caller()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
        var client = await Server.SignedInClientAsync("demo.clinician");
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/sign-in", out _));
        Assert.True(paths.TryGetProperty("/api/account/tokens", out _));
        Assert.True(paths.TryGetProperty("/api/audit/verify", out _));
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_refused()
    {
        var client = Server.CreateClient();
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.UserName"] = "demo.clinician",
            ["Input.Password"] = SpeciosaServer.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Every_page_shows_the_demo_marker_in_the_demo()
    {
        var client = await Server.SignedInClientAsync("demo.admin");
        foreach (var path in new[] { "/", "/account/tokens", "/admin/users", "/admin/audit" })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("DEMO — made-up people", html, StringComparison.Ordinal);
        }

        Assert.Contains("DEMO — made-up people", await Server.CreateClient().GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
    }
}
