using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Speciosa.Web.Identity;
using Xunit;

namespace Speciosa.Web.Tests.Identity;

/// <summary>Issue 18 item 4: a password policy with a bundled breached list, changing one's own password, and an
/// Admin's one-time reset link.</summary>
public sealed class PasswordTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("P@ssw0rd2024")]
    [InlineData("qwertyuiop12")]
    [InlineData("iloveyou2024")]
    [InlineData("monkeymonkey1")]
    [InlineData("Welcome-Admin1")]
    [InlineData("123456789012")]
    [InlineData("aaaa11112222")]
    [InlineData("kratom-2026!!")]
    public void Common_breached_and_disguised_passwords_are_refused(string password) =>
        Assert.NotNull(CommonPasswordValidator.Problem(password, "new.nurse"));

    [Theory]
    [InlineData("a-good-password-7")]
    [InlineData("Demo-Test-Password-1")]
    [InlineData("violet harbour tractor 9")]
    [InlineData("Long-enough-password-1")]
    public void Passphrases_of_unrelated_words_are_accepted(string password) =>
        Assert.Null(CommonPasswordValidator.Problem(password, "new.nurse"));

    [Fact]
    public void A_password_holding_the_user_name_is_refused() =>
        Assert.Contains("user name", CommonPasswordValidator.Problem("new.nurse-is-me-42", "new.nurse"), StringComparison.Ordinal);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_account_with_a_breached_password_is_refused_naming_the_password_and_not_created(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "weak.person", displayName = "Weak", password = "Password1234!", roles = new[] { "Nurse" },
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("breached", problem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("weak.person", await admin.GetStringAsync("/api/admin/users?pageSize=100"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_user_changes_their_own_password_and_every_old_session_ends(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var other = await server.SignedInClientAsync("demo.nurse");
        var nurse = await server.SignedInClientAsync("demo.nurse");

        var wrong = await nurse.PostAsJsonAsync("/api/account/password", new { currentPassword = "not-the-password-1", newPassword = "qwertyuiop12", confirmPassword = "something-else-3" });
        var errors = (await wrong.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("currentPassword", out _));
        Assert.True(errors.TryGetProperty("newPassword", out _));
        Assert.True(errors.TryGetProperty("confirmPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/auth/me")).StatusCode); // a refusal changed nothing

        const string next = "violet harbour tractor 9";
        var changed = await nurse.PostAsJsonAsync("/api/account/password", new { currentPassword = SpeciosaServer.DemoPassword, newPassword = next, confirmPassword = next });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nurse.GetAsync("/api/auth/me")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.SignedInClientAsync("demo.nurse"));
        var again = await server.SignedInClientAsync("demo.nurse", next);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_change_password_page_keeps_problems_beside_their_fields_and_signs_out_after_a_change(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var quality = await server.SignedInClientAsync("demo.quality");

        var refused = await quality.PostFormAsync("/account/password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = SpeciosaServer.DemoPassword, ["Input.NewPassword"] = "iloveyou2024", ["Input.ConfirmPassword"] = "iloveyou2024",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"newPassword-problem\"", html, StringComparison.Ordinal);
        Assert.Contains("breached", html, StringComparison.Ordinal);
        Assert.DoesNotContain("iloveyou2024", html, StringComparison.Ordinal);

        const string next = "copper lantern meadow 4";
        var done = await quality.PostFormAsync("/account/password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = SpeciosaServer.DemoPassword, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.EndsWith("/account/sign-in?passwordChanged=1", done.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Sign in with the new password", await quality.FollowAsync(done), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await quality.GetAsync("/api/auth/me")).StatusCode);
        await server.SignedInClientAsync("demo.quality", next);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admins_reset_link_works_once_and_a_newer_link_replaces_it(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var researcherSession = await server.SignedInClientAsync("demo.researcher");
        var id = await UserIdAsync(admin, "demo.researcher");

        Assert.Equal(HttpStatusCode.Forbidden, (await researcherSession.PostAsync($"/api/admin/users/{id}/password-reset", null)).StatusCode);
        var first = await IssueAsync(admin, id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await researcherSession.GetAsync("/api/auth/me")).StatusCode);
        var second = await IssueAsync(admin, id);

        var anonymous = server.CreateClient();
        var dead = await anonymous.PostAsJsonAsync("/api/auth/password-reset", Body(first, "amber-falcon-river-8"));
        Assert.Contains("no longer works", (await dead.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("token")[0].GetString(), StringComparison.Ordinal);

        var page = await anonymous.GetAsync(new Uri(second.link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var weak = await anonymous.PostAsJsonAsync("/api/auth/password-reset", Body(second, "password12345"));
        Assert.True((await weak.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("newPassword", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/auth/password-reset", Body(second, "amber-falcon-river-8"))).StatusCode);
        await server.SignedInClientAsync("demo.researcher", "amber-falcon-river-8");
        var reused = await anonymous.PostAsJsonAsync("/api/auth/password-reset", Body(second, "another-fine-phrase-9"));
        await reused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync(new Uri(second.link).PathAndQuery)).StatusCode);
    }

    private sealed record Issued(Guid userId, string token, string link);

    private static object Body(Issued link, string password) =>
        new { userId = link.userId, token = link.token, newPassword = password, confirmPassword = password };

    private static async Task<Issued> IssueAsync(HttpClient admin, Guid id)
    {
        var response = await admin.PostAsync($"/api/admin/users/{id}/password-reset", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var link = body.GetProperty("link").GetString()!;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        Assert.Equal(id.ToString(), query["user"]);
        return new Issued(id, query["token"]!, link);
    }

    private static async Task<Guid> UserIdAsync(HttpClient admin, string userName)
    {
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?pageSize=100");
        return users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();
    }
}
