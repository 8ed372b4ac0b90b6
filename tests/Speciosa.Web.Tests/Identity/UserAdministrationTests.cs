using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Identity;

public sealed class UserAdministrationTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_creates_an_account_that_can_sign_in_with_its_role(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "new.nurse", displayName = "New Nurse", password = "a-good-password-7", roles = new[] { "nurse" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var nurse = await server.SignedInClientAsync("new.nurse", "a-good-password-7");
        var me = await nurse.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("Nurse", me.GetProperty("roles")[0].GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_account_with_an_unknown_role_is_refused_naming_the_allowed_roles(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "x.person", displayName = "X", password = "a-good-password-7", roles = new[] { "Superuser" },
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Clinician", problem.GetProperty("errors").GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
        var users = await admin.GetStringAsync("/api/admin/users");
        Assert.DoesNotContain("x.person", users, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_role_change_ends_open_sessions_and_the_next_sign_in_carries_the_new_roles(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var oldSession = await server.SignedInClientAsync("demo.researcher");
        var id = await UserIdAsync(admin, "demo.researcher");

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/users/{id}/roles", new { roles = new[] { "Researcher", "Admin" } })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await oldSession.GetAsync("/api/auth/me")).StatusCode);
        // The new session carries Admin, a role the demo requires a second factor for: it must set one up first.
        var newSession = await server.SignedInClientAsync("demo.researcher");
        var gated = await (await newSession.GetAsync("/api/audit/verify")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("requires a second factor", gated.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_deactivated_account_loses_its_session_and_its_tokens_at_once(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var quality = await server.SignedInClientAsync("demo.quality");
        var secret = (await (await quality.PostAsJsonAsync("/api/account/tokens", new { name = "lab sync" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("secret").GetString();
        var script = server.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/auth/me")).StatusCode);

        var id = await UserIdAsync(admin, "demo.quality");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/users/{id}/active", new { active = false })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await quality.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/auth/me")).StatusCode);
        var again = await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.quality", password = SpeciosaServer.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_cannot_deactivate_themself(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var id = await UserIdAsync(admin, "demo.admin");
        var response = await admin.PutAsJsonAsync($"/api/admin/users/{id}/active", new { active = false });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<Guid> UserIdAsync(HttpClient admin, string userName) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();
}
