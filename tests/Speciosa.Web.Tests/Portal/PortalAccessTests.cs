using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Portal;
using Xunit;

namespace Speciosa.Web.Tests.Portal;

/// <summary>Issue 14 item 1 (getting in) and item 2 (Today): staff invite a patient from the record, the patient sets a
/// password once and is bound to that record, consents before anything else, and sees what is due today; staff revoke
/// access and the patient's session ends at once; a patient never reaches another patient's record (404).</summary>
public sealed class PortalAccessTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Password = "violet harbour tractor 9";

    private static async Task<string> InviteAsync(HttpClient staff, Guid patientId)
    {
        var response = await staff.PostAsync($"/api/patients/{patientId}/portal/invitations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        Assert.Contains("/portal/accept?token=", link, StringComparison.Ordinal);
        return link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string userName) =>
        client.PostAsJsonAsync("/api/portal/accept", new { token, userName, password = Password, confirmPassword = Password });

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_invitation_binds_a_new_patient_account_to_that_record_once_and_its_token_is_stored_only_hashed(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var patientId = await PatientTestData.EnrolAsync(nurse, $"Invited-{database}");
        var token = await InviteAsync(nurse, patientId);

        var stored = await server.QueryAsync(db => db.PortalInvitations.AsNoTracking().SingleAsync(i => i.PatientId == patientId));
        Assert.Equal(PortalAccess.HashOf(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.DoesNotContain(token, server.ConsoleOutput, StringComparison.Ordinal);
        Assert.Equal(72, (stored.ExpiresAt - stored.IssuedAt).TotalHours, 3);

        var anonymous = server.CreateClient();
        var userName = $"pat.invited.{database}".ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await AcceptAsync(anonymous, token, userName)).StatusCode);

        var patient = await server.SignedInClientAsync(userName, Password);
        var own = await patient.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}");
        Assert.Equal($"Invited-{database}", own.GetProperty("familyName").GetString());
        var visible = await patient.GetFromJsonAsync<JsonElement>("/api/patients");
        Assert.Equal(patientId, Assert.Single(visible.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var again = await AcceptAsync(server.CreateClient(), token, userName + ".again");
        var problem = await again.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("no longer works", problem.GetProperty("errors").GetProperty("token")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.Users.CountAsync(u => u.UserName == userName + ".again")));

        var status = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/portal");
        Assert.Equal("active", status.GetProperty("access").GetString());
        Assert.Equal(userName, status.GetProperty("accountUserName").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await nurse.PostAsync($"/api/patients/{patientId}/portal/invitations", null)).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_expired_invitation_and_one_replaced_by_a_newer_one_are_refused(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, new Dictionary<string, string> { ["Portal:InvitationHours"] = "1" }, clock);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var patientId = await PatientTestData.EnrolAsync(nurse, "Expiring");
        var replaced = await InviteAsync(nurse, patientId);
        var token = await InviteAsync(nurse, patientId);

        var refused = await AcceptAsync(server.CreateClient(), replaced, "pat.replaced");
        Assert.True((await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("token", out _));

        clock.Advance(TimeSpan.FromHours(1));
        var expired = await AcceptAsync(server.CreateClient(), token, "pat.expired");
        Assert.True((await expired.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("token", out _));
        var page = await server.CreateClient().GetAsync($"/portal/accept?token={token}");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("no longer works", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.Users.CountAsync(u => u.UserName.StartsWith("pat."))));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Revoking_access_ends_the_patients_session_at_once_and_the_account_cannot_sign_in(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(clinician, $"Revoked-{database}");
        var userName = $"pat.revoked.{database}".ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await AcceptAsync(server.CreateClient(), await InviteAsync(clinician, patientId), userName)).StatusCode);
        var patient = await server.SignedInClientAsync(userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/api/patients/{patientId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsync($"/api/patients/{patientId}/portal/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clinician.PostAsync($"/api/patients/{patientId}/portal/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await patient.GetAsync($"/api/patients/{patientId}")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.SignedInClientAsync(userName, Password));
        var status = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/portal");
        Assert.Equal("none", status.GetProperty("access").GetString());

        // An open invitation is revoked too: its link stops working.
        var token = await InviteAsync(clinician, patientId);
        Assert.Equal(HttpStatusCode.NoContent, (await clinician.PostAsync($"/api/patients/{patientId}/portal/revoke", null)).StatusCode);
        await (await AcceptAsync(server.CreateClient(), token, userName + ".two")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_never_reaches_another_patients_record_by_url_or_api(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var own = await PatientTestData.EnrolAsync(nurse, $"Own-{database}");
        var other = await PatientTestData.EnrolAsync(nurse, $"Other-{database}");
        var userName = $"pat.own.{database}".ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await AcceptAsync(server.CreateClient(), await InviteAsync(nurse, own), userName)).StatusCode);
        var patient = await server.SignedInClientAsync(userName, Password);
        Assert.Equal(HttpStatusCode.NoContent, (await patient.PostAsJsonAsync("/api/portal/consent", new { version = 1, accept = true })).StatusCode);

        foreach (var path in new[] { "", "/assessments", "/doses", "/screenings", "/regimens" })
        {
            Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/api/patients/{own}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/api/patients/{other}{path}")).StatusCode);
        }

        foreach (var page in new[] { "", "/assess/sows-handelsman", "/assess/craving-vas", "/doses/new", "/assessments" })
        {
            Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/patients/{own}{page}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/patients/{other}{page}")).StatusCode);
        }

        var sows = await patient.PostAsJsonAsync($"/api/patients/{other}/assessments", new { instrumentId = "craving-vas", answers = new Dictionary<string, int> { ["1"] = 40 }, assessedAt = DateTimeOffset.UtcNow.AddSeconds(-5) });
        Assert.Equal(HttpStatusCode.NotFound, sows.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_new_patient_is_sent_to_the_consent_first_then_lands_on_today_with_links_to_their_own_record(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var patientId = await PatientTestData.EnrolAsync(nurse, $"Consenting-{database}");
        var userName = $"pat.consent.{database}".ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await AcceptAsync(server.CreateClient(), await InviteAsync(nurse, patientId), userName)).StatusCode);
        var patient = await server.SignedInClientAsync(userName, Password);

        foreach (var path in new[] { "/", "/today", $"/patients/{patientId}/assess/sows-handelsman" })
        {
            var held = await patient.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal("/my/consent", held.Headers.Location?.OriginalString);
        }

        var consent = await patient.GetStringAsync("/my/consent");
        Assert.Contains("not an approved medicine", consent, StringComparison.Ordinal);
        var refused = await patient.PostFormAsync("/my/consent", "consent", new Dictionary<string, string> { ["version"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"accept-problem\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accepted = await patient.PostFormAsync("/my/consent", "consent", new Dictionary<string, string> { ["version"] = "1", ["accept"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith("/today", accepted.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var home = await patient.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.EndsWith("/today", home.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var today = await patient.GetStringAsync("/today");
        Assert.Contains("href=\"/my/check-in\"", today, StringComparison.Ordinal);
        Assert.Contains("href=\"/my/craving\"", today, StringComparison.Ordinal);
        Assert.Contains("Due today", today, StringComparison.Ordinal);
        foreach (var word in new[] { "MME", "threshold", "rule", "S13" })
        {
            Assert.DoesNotContain(word, today, StringComparison.OrdinalIgnoreCase);
        }

        var craving = await patient.PostAsJsonAsync($"/api/patients/{patientId}/assessments", new { instrumentId = "craving-vas", answers = new Dictionary<string, int> { ["1"] = 40 }, assessedAt = DateTimeOffset.UtcNow.AddSeconds(-5) });
        Assert.Equal(HttpStatusCode.Created, craving.StatusCode);
        var after = await patient.GetFromJsonAsync<JsonElement>("/api/portal/today");
        var items = after.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("kind").GetString()!, i => i.GetProperty("done").GetBoolean());
        Assert.True(items["Craving"]);
        Assert.False(items["CheckIn"]);

        var status = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/portal");
        Assert.Equal(1, status.GetProperty("consentVersion").GetInt32());
        var chart = await nurse.GetStringAsync($"/patients/{patientId}");
        Assert.Contains("Consent version 1 accepted", chart, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_invite_page_shows_the_link_and_qr_code_once_and_revoking_needs_the_tick(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var patientId = await PatientTestData.EnrolAsync(nurse, $"Paged-{database}");
        var page = $"/patients/{patientId}/portal";

        var invited = await nurse.PostFormAsync(page, "invite", []);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var shown = await nurse.FollowAsync(invited);
        Assert.Contains("<svg", shown, StringComparison.Ordinal);
        Assert.Contains("/portal/accept?token=", shown, StringComparison.Ordinal);
        var reload = await nurse.GetStringAsync(page);
        Assert.DoesNotContain("/portal/accept?token=", reload, StringComparison.Ordinal);
        Assert.Contains("Invited; the link works until", reload, StringComparison.Ordinal);

        var unticked = await nurse.PostFormAsync(page, "revoke", []);
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Contains("id=\"confirmRevoke-problem\"", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var revoked = await nurse.PostFormAsync(page, "revoke", new Dictionary<string, string> { ["confirmRevoke"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("No portal access.", await nurse.FollowAsync(revoked), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_links_an_existing_patient_account_and_only_an_unlinked_one(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var patientId = await PatientTestData.EnrolAsync(admin, $"Linked-{database}");
        var userName = $"pat.linked.{database}".ToLowerInvariant();
        var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = "Linked", password = Password, roles = new[] { "Patient" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var demoPatient = await server.QueryAsync(db => db.Users.Where(u => u.UserName == "demo.patient").Select(u => u.Id).SingleAsync());

        var nurse = await server.SignedInClientAsync("demo.nurse");
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/portal/account", new { userId })).StatusCode);
        var taken = await admin.PostAsJsonAsync($"/api/patients/{patientId}/portal/account", new { userId = demoPatient });
        Assert.True((await taken.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("userId", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/patients/{patientId}/portal/account", new { userId })).StatusCode);

        var patient = await server.SignedInClientAsync(userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/api/patients/{patientId}")).StatusCode);
    }
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_on_a_regimen_sees_doses_on_today_and_the_dose_page_shows_them_no_limits(Database database)
    {
        var server = await servers.On(database);
        var patient = await server.SignedInClientAsync("demo.patient");
        var today = await patient.GetFromJsonAsync<JsonElement>("/api/portal/today");
        var doses = today.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "Doses");
        var href = doses.GetProperty("href").GetString()!;
        Assert.Equal("/my/doses", href);

        var own = await patient.GetFromJsonAsync<JsonElement>("/api/patients");
        var patientId = own.GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var (path, heading) in new[] { (href, "Doses you took"), ($"/patients/{patientId}/doses/new", "Report a dose you took") })
        {
            var page = await patient.GetStringAsync(path);
            Assert.Contains(heading, page, StringComparison.Ordinal);
            foreach (var word in new[] { "limits", "per administration", "a day and", "version" })
            {
                Assert.DoesNotContain(word, page, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
