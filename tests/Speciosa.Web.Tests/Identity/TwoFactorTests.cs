using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Identity;
using Xunit;

namespace Speciosa.Web.Tests.Identity;

/// <summary>Issue 18 item 4: the TOTP second factor of staff. The demo requires it for Admin, so demo.admin signs in with a
/// code from the demo's secret; other accounts set one up on /account/two-factor.</summary>
public sealed partial class TwoFactorTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_password_without_the_code_opens_no_session_and_with_the_right_code_it_does(Database database)
    {
        var server = await servers.On(database);
        var client = server.CreateClient();
        var withoutCode = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.admin", password = SpeciosaServer.DemoPassword });
        var problem = await withoutCode.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("'code'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);

        var wrongCode = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.admin", password = SpeciosaServer.DemoPassword, code = "000000" });
        await wrongCode.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);

        var code = await server.NextTotpCodeAsync();
        var signedIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.admin", password = SpeciosaServer.DemoPassword, code });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_sign_in_page_asks_for_the_code_in_a_second_step_before_any_session(Database database)
    {
        var server = await servers.On(database);
        var client = server.CreateClient();
        var password = await client.PostFormAsync("/account/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = "demo.admin", ["Input.Password"] = SpeciosaServer.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/sign-in/code", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var wrong = await client.PostFormAsync(password.Headers.Location.OriginalString, "sign-in-code", new Dictionary<string, string> { ["Input.Code"] = "123456" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("wrong or was already used", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var right = await client.PostFormAsync(password.Headers.Location.OriginalString, "sign-in-code",
            new Dictionary<string, string> { ["Input.Code"] = await server.NextTotpCodeAsync() });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_code_once_used_is_refused_when_replayed_and_the_refusal_is_audited_without_the_code(Database database)
    {
        var server = await servers.On(database);
        var code = await server.NextTotpCodeAsync();
        var first = await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.admin", password = SpeciosaServer.DemoPassword, code });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var replay = server.CreateClient();
        var again = await replay.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.admin", password = SpeciosaServer.DemoPassword, code });
        await again.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);

        var entries = await server.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "auth.second-factor").ToListAsync());
        Assert.Contains(entries, e => e.Outcome == "replayed");
        Assert.DoesNotContain(entries, e => JsonSerializer.Serialize(e).Contains(code, StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Wrong_codes_count_towards_the_sign_in_delay_of_that_account_and_address(Database database)
    {
        await using var server = await servers.StartAsync(database, settings: new Dictionary<string, string> { ["Security:MaxFailedSignIns"] = "2" });
        var client = server.CreateClient();
        foreach (var wrong in new[] { "000000", "111111" })
        {
            await (await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.admin", password = SpeciosaServer.DemoPassword, code = wrong }))
                .AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        var right = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.admin", password = SpeciosaServer.DemoPassword, code = await server.NextTotpCodeAsync() });
        await right.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_sets_up_a_second_factor_confirmed_by_a_code_and_each_recovery_code_works_once(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (secret, codes) = await EnrolAsync(server, clinician);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, await server.QueryAsync(db => db.TwoFactorRecoveryCodes.CountAsync()));
        Assert.Equal(1, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "two-factor.confirm" && e.Outcome == "success")));
        Assert.DoesNotContain(await server.QueryAsync(db => db.TwoFactorRecoveryCodes.Select(c => c.CodeHash).ToListAsync()),
            h => codes.Any(c => h.Contains(c.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal)));
        Assert.DoesNotContain(TotpCodes.ToBase32(secret), await server.QueryAsync(db => db.TwoFactorAuthenticators
            .Where(a => db.Users.Any(u => u.Id == a.UserId && u.UserName == "demo.clinician")).Select(a => a.ProtectedSecret).SingleAsync()), StringComparison.Ordinal);

        // The password alone no longer opens a session.
        await (await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.clinician", password = SpeciosaServer.DemoPassword }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);

        var withRecovery = await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.clinician", password = SpeciosaServer.DemoPassword, code = codes[0] });
        Assert.Equal(HttpStatusCode.OK, withRecovery.StatusCode);
        var reused = await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.clinician", password = SpeciosaServer.DemoPassword, code = codes[0] });
        await reused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "two-factor.recovery-code-used")));

        var withApp = await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in",
            new { userName = "demo.clinician", password = SpeciosaServer.DemoPassword, code = await server.NextTotpCodeAsync("demo.clinician", secret) });
        Assert.Equal(HttpStatusCode.OK, withApp.StatusCode);
        Assert.Equal(1, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "two-factor.confirm" && e.Outcome == "success")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_wrong_confirming_code_leaves_the_second_factor_off(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var page = await nurse.GetStringAsync("/account/two-factor");
        var fields = HtmlForm.FieldsOf(page, "confirm");
        fields["code"] = "000000";
        var response = await nurse.PostFormAsync("/account/two-factor", "confirm", fields, page);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not match this secret", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await server.HasTwoFactorAsync("demo.nurse"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_role_that_requires_a_second_factor_is_sent_to_set_it_up_and_reaches_nothing_else_until_done(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        (await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "second.admin", displayName = "Second Admin", password = "violet harbour tractor 9", roles = new[] { "Admin" },
        })).EnsureSuccessStatusCode();

        var person = server.CreateClient();
        var signIn = await person.PostFormAsync("/account/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = "second.admin", ["Input.Password"] = "violet harbour tractor 9",
        });
        Assert.Equal("/account/two-factor?required=1", signIn.Headers.Location?.OriginalString);

        var page = await person.GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor?required=1", page.Headers.Location?.OriginalString);
        var api = await person.GetAsync("/api/admin/users");
        Assert.Contains("/account/two-factor", (await api.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Your role requires a second factor", WebUtility.HtmlDecode(await person.GetStringAsync("/account/two-factor?required=1")), StringComparison.Ordinal);

        await EnrolAsync(server, person);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/patients")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_resets_a_second_factor_which_ends_its_sessions_and_is_audited(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        await EnrolAsync(server, quality);
        var admin = await server.SignedInClientAsync("demo.admin");
        var id = await server.QueryAsync(db => db.Users.Where(u => u.UserName == "demo.quality").Select(u => u.Id).SingleAsync());

        var reset = await admin.DeleteAsync($"/api/admin/users/{id}/two-factor");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await quality.GetAsync("/api/auth/me")).StatusCode);
        Assert.False(await server.HasTwoFactorAsync("demo.quality"));
        Assert.Equal(0, await server.QueryAsync(db => db.TwoFactorRecoveryCodes.CountAsync(c => c.UserId == id)));
        Assert.Equal(1, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "two-factor.reset" && e.ResourceId == id.ToString() && e.Outcome == "success" && e.UserId != id)));
        Assert.Equal(1, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "privilege.two-factor-reset" && e.ResourceId == id.ToString())));
        // Quality is not a required role here: the password alone works again.
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.quality", password = SpeciosaServer.DemoPassword })).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_owner_turns_the_second_factor_off_only_with_a_current_code_and_the_tick(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var researcher = await server.SignedInClientAsync("demo.researcher");
        var (secret, _) = await EnrolAsync(server, researcher);

        var noTick = await researcher.PostFormAsync("/account/two-factor", "disable", new Dictionary<string, string> { ["code"] = await server.NextTotpCodeAsync("demo.researcher", secret) });
        Assert.Equal(HttpStatusCode.BadRequest, noTick.StatusCode);
        var wrong = await researcher.PostFormAsync("/account/two-factor", "disable", new Dictionary<string, string> { ["code"] = "000000", ["confirmAction"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(await server.HasTwoFactorAsync("demo.researcher"));

        var off = await researcher.PostFormAsync("/account/two-factor", "disable",
            new Dictionary<string, string> { ["code"] = await server.NextTotpCodeAsync("demo.researcher", secret), ["confirmAction"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await server.HasTwoFactorAsync("demo.researcher"));
        Assert.Equal(1, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "two-factor.disable" && e.Outcome == "success")));
    }

    /// <summary>Sets up a second factor through /account/two-factor as a person would: reads the secret shown for manual
    /// entry, confirms with its code, and reads the recovery codes shown once.</summary>
    internal static async Task<(byte[] Secret, IReadOnlyList<string> Codes)> EnrolAsync(SpeciosaServer server, HttpClient client)
    {
        var page = await client.GetStringAsync("/account/two-factor");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        var secret = TotpCodes.FromBase32(SecretPattern().Match(page).Groups[1].Value);
        var fields = HtmlForm.FieldsOf(page, "confirm");
        fields["code"] = TotpCodes.Compute(secret, server.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var confirmed = await client.PostFormAsync("/account/two-factor", "confirm", fields, page);
        var shown = await client.FollowAsync(confirmed);
        var codes = CodePattern().Matches(shown).Select(m => m.Groups[1].Value).ToList();
        // Shown once: a reload does not show them again.
        Assert.Empty(CodePattern().Matches(await client.GetStringAsync("/account/two-factor")));
        return (secret, codes);
    }

    [GeneratedRegex("id=\"secret-key\">([A-Z2-7 ]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>")]
    private static partial Regex CodePattern();
}
