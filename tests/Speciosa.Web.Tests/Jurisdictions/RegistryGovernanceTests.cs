using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

/// <summary>Issue 15 item 8, registry governance: an edit shows the patients it affects before it is saved, and one that
/// refuses supply waits for a second administrator, with both names and times in the history.</summary>
public sealed class RegistryGovernanceTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Tennessee = "us-tn-2018"; // every demo patient lives in Tennessee

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_ban_lists_the_patients_it_affects_waits_for_a_second_administrator_and_names_both_in_the_history(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var read = await admin.GetFromJsonAsync<JsonObject>($"/api/jurisdictions/{Tennessee}");
        var stamp = read!["concurrencyStamp"]!.GetValue<string>();
        var entry = read["entry"]!.AsObject();
        entry["status"] = "Banned";
        entry["statusText"] = "Scheduled (made-up test law)";
        var demoPatients = await server.QueryAsync(db => db.Patients
            .Where(p => p.Status == PatientVocabulary.Active && p.SubdivisionCode == "US-TN" && db.Clinics.Any(c => c.Id == p.ClinicId && c.IsDemo))
            .Select(p => p.Id).ToListAsync());
        Assert.NotEmpty(demoPatients);

        // The preview: computed by the code that applies the change, saving nothing.
        var preview = await (await admin.PostAsJsonAsync("/api/jurisdictions/preview", new { id = Tennessee, concurrencyStamp = stamp, entry }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("needsSecondApproval").GetBoolean());
        Assert.Contains("becomes banned", preview.GetProperty("refusesSupply")[0].GetString(), StringComparison.Ordinal);
        var listed = preview.GetProperty("patients").EnumerateArray().ToList();
        Assert.Equal(demoPatients.Order(), listed.Select(p => p.GetProperty("patientId").GetGuid()).Order());
        Assert.All(listed, p => Assert.StartsWith("Legal status Regulated → Banned", p.GetProperty("how").GetString(), StringComparison.Ordinal));

        // The first administrator's save is a proposal: nothing changes.
        var proposed = await admin.PutAsJsonAsync($"/api/jurisdictions/{Tennessee}", new { reason = "Ban enacted (made-up test)", concurrencyStamp = stamp, entry });
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var proposal = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/jurisdictions/proposals/{proposal.GetProperty("id").GetInt64()}", proposed.Headers.Location!.OriginalString);
        Assert.Equal("Pending", proposal.GetProperty("status").GetString());
        Assert.Equal("demo.admin", proposal.GetProperty("proposedBy").GetString());
        Assert.Equal("Regulated", await StatusAsync(admin));
        Assert.Equal(0, await NowBannedAlertsAsync(server, demoPatients));

        // The same administrator cannot approve it.
        var url = $"/api/jurisdictions/proposals/{proposal.GetProperty("id").GetInt64()}";
        var pending = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(demoPatients.Count, pending.GetProperty("preview").GetProperty("patients").GetArrayLength());
        var self = await admin.PostAsJsonAsync(url + "/approve", new { concurrencyStamp = pending.GetProperty("concurrencyStamp").GetString() });
        var refusal = await self.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("urn:speciosa:problem:second-approval-needed", refusal.GetProperty("type").GetString());
        Assert.Contains("another administrator must approve it", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Regulated", await StatusAsync(admin));

        // A second administrator approves: applied, the patients listed are alerted, the history names both.
        var second = await server.SignedInClientAsync("demo.admin2");
        var stale = await second.PostAsJsonAsync(url + "/approve", new { concurrencyStamp = "not-the-stamp" });
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        var approved = await second.PostAsJsonAsync(url + "/approve", new { concurrencyStamp = pending.GetProperty("concurrencyStamp").GetString() });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Banned", await StatusAsync(admin));
        Assert.Equal(demoPatients.Count, await NowBannedAlertsAsync(server, demoPatients));
        var again = await second.PostAsJsonAsync(url + "/approve", new { concurrencyStamp = pending.GetProperty("concurrencyStamp").GetString() });
        Assert.Contains("already approved by demo.admin2", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var latest = (await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdictions/{Tennessee}")).GetProperty("history")[0];
        Assert.Equal("demo.admin", latest.GetProperty("proposedBy").GetString());
        Assert.Equal("demo.admin2", latest.GetProperty("changedBy").GetString());
        Assert.True(latest.GetProperty("proposedAt").GetDateTimeOffset() <= latest.GetProperty("changedAt").GetDateTimeOffset());
        Assert.Equal("Ban enacted (made-up test)", latest.GetProperty("reason").GetString());

        // Audited: the proposal, the refused self-approval and the approval.
        var actions = await server.QueryAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("jurisdiction.")).Select(a => new { a.Action, a.Outcome }).ToListAsync());
        Assert.Contains(actions, a => a.Action == "jurisdiction.propose" && a.Outcome == "success");
        Assert.Contains(actions, a => a.Action == "jurisdiction.approve" && a.Outcome != "success");
        Assert.Contains(actions, a => a.Action == "jurisdiction.approve" && a.Outcome == "success");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_change_that_refuses_no_one_is_saved_at_once_and_a_rejected_proposal_changes_nothing(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var read = await admin.GetFromJsonAsync<JsonObject>("/api/jurisdictions/us-ut-2019-05-14");
        var entry = read!["entry"]!.AsObject();
        entry["note"] = "Re-read (made-up test).";
        var saved = await admin.PutAsJsonAsync("/api/jurisdictions/us-ut-2019-05-14",
            new { reason = "Wording only", concurrencyStamp = read["concurrencyStamp"]!.GetValue<string>(), entry });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var after = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;
        var raised = after["entry"]!.AsObject();
        raised["minimumAge"] = 25;
        var proposed = await admin.PutAsJsonAsync("/api/jurisdictions/us-ut-2019-05-14",
            new { reason = "Age raised (made-up test)", concurrencyStamp = after["concurrencyStamp"]!.GetValue<string>(), entry = raised });
        var proposal = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var url = $"/api/jurisdictions/proposals/{proposal.GetProperty("id").GetInt64()}";
        var noReason = await admin.PostAsJsonAsync(url + "/reject", new { concurrencyStamp = proposal.GetProperty("concurrencyStamp").GetString() });
        Assert.True((await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        var rejected = await admin.PostAsJsonAsync(url + "/reject", new { concurrencyStamp = proposal.GetProperty("concurrencyStamp").GetString(), reason = "Misread the bill" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var decided = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rejected", decided.GetProperty("status").GetString());
        Assert.Equal("demo.admin", decided.GetProperty("decidedBy").GetString());
        var entryNow = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdictions/us-ut-2019-05-14");
        Assert.Equal(18, entryNow.GetProperty("entry").GetProperty("minimumAge").GetInt32());
        Assert.Empty(entryNow.GetProperty("pendingProposals").EnumerateArray());
    }

    private static async Task<string?> StatusAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/jurisdictions/{Tennessee}")).GetProperty("entry").GetProperty("status").GetString();

    private static Task<int> NowBannedAlertsAsync(SpeciosaServer server, List<Guid> patients) =>
        server.QueryAsync(db => db.Alerts.CountAsync(a => patients.Contains(a.PatientId) && a.RuleId == "jurisdiction.now-banned"));
}
