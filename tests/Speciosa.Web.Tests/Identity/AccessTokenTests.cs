using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Identity;

public sealed class AccessTokenTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_script_uses_a_personal_access_token_until_it_is_revoked(Database database)
    {
        var server = await servers.On(database);
        var browser = await server.SignedInClientAsync("demo.researcher");
        var created = await browser.PostAsJsonAsync("/api/account/tokens", new { name = "nightly export", expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("token").GetProperty("id").GetGuid();

        var script = server.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await script.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("demo.researcher", me.GetProperty("userName").GetString());

        var list = await browser.GetStringAsync("/api/account/tokens");
        Assert.Contains("nightly export", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync($"/api/account/tokens/{id}")).StatusCode);
        await (await script.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_made_up_token_is_401(Database database)
    {
        var server = await servers.On(database);
        var script = server.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "spc_made-up-token-value");
        await (await script.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_token_with_a_bad_lifetime_is_refused_naming_the_field(Database database)
    {
        var server = await servers.On(database);
        var browser = await server.SignedInClientAsync("demo.researcher");
        var response = await browser.PostAsJsonAsync("/api/account/tokens", new { name = "too long", expiresInDays = 5000 });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("expiresInDays", out _));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_token_holder_without_the_admin_role_gets_403_on_admin_endpoints(Database database)
    {
        var server = await servers.On(database);
        var browser = await server.SignedInClientAsync("demo.nurse");
        var secret = (await (await browser.PostAsJsonAsync("/api/account/tokens", new { name = "n" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("secret").GetString();
        var script = server.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await (await script.GetAsync("/api/admin/users")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
